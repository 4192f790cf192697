/**
 * Erasure of a person (GDPR article 17). An erased person stays as a row without personal data (a
 * tombstone), so their id is never handed to someone new and the publication register, which refers to
 * it, stays whole; every reader skips it. Two append-only rules get exactly one exception each:
 * - a consent record of an erased person may lose its note and evidence (it is kept only when a
 *   publication relied on it, as the proof of that publication's consent);
 * - an audit entry's details may be replaced, but only while the newest entry is a `person.erased`
 *   entry that names it in `redacted`. That entry also holds the entry's hash and the hash of its
 *   redacted form, which is how `audit verify` still checks it (see electron/core/audit/verify-chain.ts).
 */
export const sql = `
ALTER TABLE people ADD COLUMN erased_at TEXT;

CREATE TRIGGER people_erased_stays_erased BEFORE UPDATE ON people
WHEN OLD.erased_at IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'an erased person cannot be changed');
END;

DROP TRIGGER consent_records_no_update;
CREATE TRIGGER consent_records_no_update BEFORE UPDATE ON consent_records
WHEN NEW.id IS NOT OLD.id OR NEW.person_id IS NOT OLD.person_id OR NEW.channel_key IS NOT OLD.channel_key
  OR NEW.status IS NOT OLD.status OR NEW.given_by IS NOT OLD.given_by OR NEW.given_on IS NOT OLD.given_on
  OR NEW.valid_until IS NOT OLD.valid_until OR NEW.source IS NOT OLD.source OR NEW.recorded_at IS NOT OLD.recorded_at
  OR NEW.recorded_by IS NOT OLD.recorded_by OR NEW.note IS NOT NULL OR NEW.evidence IS NOT NULL
  OR (SELECT erased_at FROM people WHERE id = OLD.person_id) IS NULL
BEGIN
  SELECT RAISE(ABORT, 'consent records are append-only');
END;

DROP TRIGGER audit_log_no_update;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
WHEN NEW.seq IS NOT OLD.seq OR NEW.at IS NOT OLD.at OR NEW.actor IS NOT OLD.actor OR NEW.action IS NOT OLD.action
  OR NEW.subject IS NOT OLD.subject OR NEW.prev_hash IS NOT OLD.prev_hash OR NEW.hash IS NOT OLD.hash
  OR NOT EXISTS (
    SELECT 1 FROM audit_log e, json_each(CASE WHEN json_valid(e.details) THEN e.details ELSE '{}' END, '$.redacted') r
    WHERE e.seq = (SELECT MAX(seq) FROM audit_log) AND e.action = 'person.erased' AND e.seq > OLD.seq
      AND json_extract(r.value, '$.seq') = OLD.seq)
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only: entries cannot be changed');
END;
`;
