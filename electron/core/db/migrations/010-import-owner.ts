/**
 * Who is running an import batch: the process id and host of the ClearFrame process (server, app or
 * command line) working on it, and a heartbeat it renews while it works. Two processes may have one
 * library open; a process that opens it takes over only batches whose owner is gone (its process has
 * exited, or its heartbeat stopped), never one another live process is importing. Batches from before
 * this migration have no owner, and are taken over as before.
 */
export const sql = `
ALTER TABLE import_batches ADD COLUMN owner_pid INTEGER;
ALTER TABLE import_batches ADD COLUMN owner_host TEXT;
ALTER TABLE import_batches ADD COLUMN heartbeat_at TEXT;
`;
