/**
 * The audit log refuses, at the database itself, any change but an append that continues the chain:
 * no update, no delete, and an insert must take the next number and name the last entry's hash. Code
 * with a bug, or a person with a SQLite tool who does not drop the triggers first, cannot alter it.
 * (Whoever drops them can; `clearframe audit verify` catches what they then change.)
 * The indexes serve the auditor's filters by actor and by day.
 */
export const sql = `
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only: entries cannot be changed');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only: entries cannot be removed');
END;

CREATE TRIGGER audit_log_append_only BEFORE INSERT ON audit_log
WHEN NEW.seq IS NOT (SELECT COALESCE(MAX(seq), 0) + 1 FROM audit_log)
  OR NEW.prev_hash IS NOT COALESCE((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1), '${'0'.repeat(64)}')
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only: a new entry must follow the last one');
END;

CREATE INDEX audit_log_actor ON audit_log(actor);
CREATE INDEX audit_log_at ON audit_log(at);
`;
