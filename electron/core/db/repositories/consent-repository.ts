import type { ConsentRecord } from '../../../../shared/types';
import type { Db } from '../connection';

const columns = `id, person_id AS personId, channel_key AS channel, status, given_by AS givenBy, given_on AS givenOn,
  valid_until AS validUntil, evidence, note, source, recorded_at AS recordedAt, recorded_by AS recordedBy`;

export type NewConsentRecord = Omit<ConsentRecord, 'id' | 'recordedAt'>;

/** Consent records are append-only (a trigger refuses updates): history is read oldest first. */
export function createConsentRepository(db: Db) {
  const insert = db.prepare(
    `INSERT INTO consent_records (person_id, channel_key, status, given_by, given_on, valid_until, evidence, note, source, recorded_at, recorded_by)
     VALUES (@personId, @channel, @status, @givenBy, @givenOn, @validUntil, @evidence, @note, @source, @recordedAt, @recordedBy)`,
  );
  const forPerson = db.prepare<[number], ConsentRecord>(`SELECT ${columns} FROM consent_records WHERE person_id = ? ORDER BY id`);
  const forClass = db.prepare<[number], ConsentRecord>(
    `SELECT ${columns} FROM consent_records WHERE person_id IN (SELECT id FROM people WHERE class_id = ?) ORDER BY id`,
  );
  const all = db.prepare<[], ConsentRecord>(`SELECT ${columns} FROM consent_records ORDER BY id`);
  const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM consent_records');
  return {
    append(record: NewConsentRecord): ConsentRecord {
      const recordedAt = new Date().toISOString();
      const id = Number(insert.run({ ...record, recordedAt }).lastInsertRowid);
      return { ...record, id, recordedAt };
    },
    historyOf: (personId: number): ConsentRecord[] => forPerson.all(personId),
    historyOfClass: (classId: number): ConsentRecord[] => forClass.all(classId),
    all: (): ConsentRecord[] => all.all(),
    count: (): number => count.get()!.n,
  };
}

export type ConsentRepository = ReturnType<typeof createConsentRepository>;
