import type { Db } from '../connection';

/**
 * Free text that can hold a person's name and stays after their erasure, found by reading every text
 * column of the schema (migrations 1 to 10). Left out on purpose: the publication register
 * (publication_files, publication_people: evidence of what was published, append-only) and import
 * items (paths of source files on the admin's disk, not copies of personal data).
 */
export const erasureTextPlaces = [
  { place: 'posts.caption', table: 'posts', key: 'id', column: 'caption' },
  { place: 'posts.rejectReason', table: 'posts', key: 'id', column: 'reject_reason' },
  { place: 'doubts.question', table: 'doubts', key: 'id', column: 'question' },
  { place: 'doubts.answer', table: 'doubts', key: 'id', column: 'answer' },
  { place: 'doubts.reason', table: 'doubts', key: 'id', column: 'reason' },
  { place: 'media.name', table: 'media', key: 'id', column: 'name' },
  { place: 'media.eventName', table: 'media', key: 'id', column: 'event_name' },
  { place: 'media.creator', table: 'media', key: 'id', column: 'creator' },
  { place: 'media.credit', table: 'media', key: 'id', column: 'credit' },
  { place: 'media.rightsHolder', table: 'media', key: 'id', column: 'rights_holder' },
  { place: 'media.embeddedMetadata', table: 'media', key: 'id', column: 'embedded_metadata' },
  { place: 'mediaMarks.notForPublication', table: 'media_marks', key: 'media_id', column: 'not_for_publication' },
  { place: 'mediaMarks.permissionEvidence', table: 'media_marks', key: 'media_id', column: 'permission_evidence' },
  { place: 'faces.importedName', table: 'faces', key: 'id', column: 'imported_name' },
] as const;

export type ErasureTextPlace = (typeof erasureTextPlaces)[number];

const likeEscape = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The writes that erase a person (migration 8 explains the two exceptions to append-only rules they
 * use). Everything here runs inside the erasure's one transaction.
 */
export function createErasureRepository(db: Db) {
  const tombstone = db.prepare<{ id: number; now: string }>(
    `UPDATE people SET external_id = NULL, first_name = '', last_name = '', school_id = NULL, class_id = NULL,
       date_of_birth = NULL, erased_at = @now, updated_at = @now WHERE id = @id AND erased_at IS NULL`,
  );
  // A record a publication relied on is the proof of that publication's consent: it stays (GDPR art. 17(3)(e)).
  const reliedOn = db.prepare<[number], number>(
    `SELECT DISTINCT r.id FROM consent_records r JOIN publication_people pp ON pp.consent_record_id = r.id
     WHERE r.person_id = ? ORDER BY r.id`,
  ).pluck();
  const consentCount = db.prepare<[number], number>('SELECT COUNT(*) FROM consent_records WHERE person_id = ?').pluck();
  const deleteConsent = db.prepare<[number]>(
    `DELETE FROM consent_records WHERE person_id = ?
       AND id NOT IN (SELECT consent_record_id FROM publication_people WHERE consent_record_id IS NOT NULL)`,
  );
  const clearKeptConsent = db.prepare<[number]>(
    'UPDATE consent_records SET note = NULL, evidence = NULL WHERE person_id = ? AND (note IS NOT NULL OR evidence IS NOT NULL)',
  );
  const shownChannels = db.prepare<[number], string>(
    `SELECT DISTINCT p.channel_key FROM publication_people pp JOIN publications p ON p.id = pp.publication_id
     WHERE pp.person_id = ? AND pp.shown = 'visible' AND p.status = 'done' ORDER BY p.channel_key`,
  ).pluck();
  const publicationCount = db.prepare<[number], number>(
    `SELECT COUNT(DISTINCT pp.publication_id) FROM publication_people pp JOIN publications p ON p.id = pp.publication_id
     WHERE pp.person_id = ? AND p.status = 'done'`,
  ).pluck();
  const taggedCount = db.prepare<[number], number>('SELECT COUNT(*) FROM faces WHERE person_id = ?').pluck();
  const suggestedCount = db.prepare<[number], number>('SELECT COUNT(*) FROM faces WHERE suggested_person_id = ? AND person_id IS NULL').pluck();
  // Back to unreviewed, not to "not identifiable": an unreviewed face keeps its media from being published.
  const untag = db.prepare<[number]>(
    `UPDATE faces SET state = 'unreviewed', person_id = NULL, suggested_person_id = NULL, suggestion_distance = NULL,
       imported_name = NULL, reviewed_at = NULL, reviewed_by = NULL WHERE person_id = ?`,
  );
  const unsuggest = db.prepare<[number]>(
    `UPDATE faces SET state = CASE WHEN state = 'suggested' THEN 'unreviewed' ELSE state END,
       suggested_person_id = NULL, suggestion_distance = NULL WHERE suggested_person_id = ?`,
  );
  const referenceCount = db.prepare<[number], number>('SELECT COUNT(*) FROM face_references WHERE person_id = ?').pluck();
  // The schema cascades the reference embeddings from the face matching permission.
  const deleteMatching = db.prepare<[number]>('DELETE FROM face_matching WHERE person_id = ?');
  const redact = db.prepare<[string, number]>('UPDATE audit_log SET details = ? WHERE seq = ?');
  const setText = new Map(
    erasureTextPlaces.map((p) => [p.place, db.prepare<[string | null, number]>(`UPDATE ${p.table} SET ${p.column} = ? WHERE ${p.key} = ?`)]),
  );
  return {
    counts: (personId: number) => ({
      consentRecords: consentCount.get(personId)!,
      consentRecordsKept: reliedOn.all(personId).length,
      facesTagged: taggedCount.get(personId)!,
      facesSuggested: suggestedCount.get(personId)!,
      references: referenceCount.get(personId)!,
      publications: publicationCount.get(personId)!,
    }),
    /** Channels of publications that show the person: their consent there is withdrawn, so the register asks for takedown. */
    shownChannels: (personId: number): string[] => shownChannels.all(personId),
    tombstone: (personId: number): boolean => tombstone.run({ id: personId, now: new Date().toISOString() }).changes === 1,
    deleteConsent: (personId: number): number => deleteConsent.run(personId).changes,
    clearKeptConsent: (personId: number): number => clearKeptConsent.run(personId).changes,
    untagFaces: (personId: number): number => untag.run(personId).changes,
    unsuggestFaces: (personId: number): number => unsuggest.run(personId).changes,
    deleteFaceMatching: (personId: number): void => void deleteMatching.run(personId),
    /** Rows whose text in this place contains one of the terms (case-insensitive for ASCII letters), to check closer. */
    textRows(place: ErasureTextPlace, terms: string[]): { key: number; text: string }[] {
      if (terms.length === 0) return [];
      const like = terms.map(() => `${place.column} LIKE ? ESCAPE '\\'`).join(' OR ');
      return db
        .prepare<string[], { key: number; text: string }>(`SELECT ${place.key} AS key, ${place.column} AS text FROM ${place.table} WHERE ${like}`)
        .all(...terms.map(likeEscape));
    },
    setText: (place: ErasureTextPlace, key: number, text: string | null): void => void setText.get(place.place)!.run(text, key),
    /** Allowed only right after the `person.erased` entry that names this entry (a trigger checks). */
    redactAuditDetails: (seq: number, details: string): void => void redact.run(details, seq),
  };
}

export type ErasureRepository = ReturnType<typeof createErasureRepository>;
