/**
 * A problem in a people or consents CSV file, as a stable code with the values its sentence needs: the UI says it
 * in the user's language, while the English `message` stays for the CLI and its JSON.
 * `field` is the expected column (external_id, first_name, given_on, ...) the value belongs to.
 */
export const csvProblemCodes = [
  'file_empty',
  'not_text',
  'no_text',
  'invalid_csv',
  'no_header',
  'unknown_mapped_column',
  'duplicate_header',
  'missing_columns',
  'unused_columns',
  'too_few_fields',
  'too_many_fields',
  'value_empty',
  'value_multiline',
  'value_too_long',
  'formula_cell',
  'date_empty',
  'date_invalid',
  'date_in_future',
  'choice_empty',
  'choice_unknown',
  'school_key_invalid',
  'class_without_school',
  'duplicate_external_id',
  'person_unlinked',
  'unknown_person',
  'giver_must_be_guardian',
  'giver_must_be_pupil',
  'repeats_line',
  'older_answer',
  'same_day_answer',
] as const;
export type CsvProblemCode = (typeof csvProblemCodes)[number];

/** What a file that is not CSV text turned out to be. */
export const notTextKinds = ['png', 'jpeg', 'pdf', 'zip', 'old_office', 'utf16', 'binary'] as const;
export type NotTextKind = (typeof notTextKinds)[number];

/** Why the CSV parser stopped. */
export const invalidCsvCauses = ['quote_not_closed', 'quote_inside_value', 'other'] as const;
export type InvalidCsvCause = (typeof invalidCsvCauses)[number];

type NoParams = Record<string, never>;

export type CsvProblemReason =
  | { code: 'file_empty' | 'no_text' | 'no_header'; params: NoParams }
  | { code: 'not_text'; params: { kind: NotTextKind } }
  /** `parserCode` is csv-parse's own code, for `other`. */
  | { code: 'invalid_csv'; params: { line: number | null; cause: InvalidCsvCause; parserCode: string } }
  | { code: 'unknown_mapped_column'; params: { key: string; kind: 'people' | 'consents'; columns: string[] } }
  | { code: 'duplicate_header'; params: { header: string; count: number; field: string } }
  /** `mappedTo` is the header the user mapped a missing column to, if any. */
  | { code: 'missing_columns'; params: { missing: { field: string; mappedTo: string | null }[]; headers: string[] } }
  | { code: 'unused_columns'; params: { headers: string[] } }
  | { code: 'too_few_fields' | 'too_many_fields'; params: { fields: number; expected: number } }
  | { code: 'value_empty' | 'value_multiline' | 'date_empty'; params: { field: string } }
  | { code: 'value_too_long'; params: { field: string; length: number; max: number } }
  /** `value` is the cell's first 40 characters. */
  | { code: 'formula_cell'; params: { field: string; value: string; first: string } }
  /** `suggestion` is the ISO date a day-month-year value probably meant. */
  | { code: 'date_invalid'; params: { field: string; value: string; suggestion: string | null } }
  | { code: 'date_in_future'; params: { field: string; value: string; today: string } }
  | { code: 'choice_empty'; params: { field: string; options: string[] } }
  | { code: 'choice_unknown'; params: { field: string; value: string; options: string[] } }
  | { code: 'school_key_invalid'; params: { value: string } }
  | { code: 'class_without_school'; params: { className: string } }
  | { code: 'duplicate_external_id'; params: { externalId: string; firstLine: number } }
  | { code: 'person_unlinked'; params: { person: string } }
  | { code: 'unknown_person'; params: { externalId: string } }
  | { code: 'giver_must_be_guardian' | 'giver_must_be_pupil'; params: { person: string; date: string } }
  | { code: 'repeats_line'; params: { firstLine: number } }
  | { code: 'older_answer'; params: { date: string; channel: string; latest: string } }
  | { code: 'same_day_answer'; params: { date: string; channel: string } };

/** A problem without a code of its own (a consent the domain refused, say): the UI shows its English sentence after a lead. */
export type UnexpectedCsvProblem = { code: 'unexpected'; params: NoParams };
