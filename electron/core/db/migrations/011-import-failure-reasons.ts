/**
 * Why an import item failed, as a code with its values (JSON `{code, params}`), next to the English sentence in
 * `error`: the UI says the reason in the user's language. Items that failed before this migration have none, and
 * the UI shows their sentence after a lead in the user's language.
 */
export const sql = `
ALTER TABLE import_items ADD COLUMN reason TEXT;
`;
