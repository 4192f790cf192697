import type { IsoDate } from '../../../../shared/types';
import type { Db } from '../connection';

export type TakeDown = 'none' | 'pending' | 'done';

export interface NewPublication {
  createdBy: string;
  channel: string;
  identityKey: string;
  identityName: string;
  decisionDate: IsoDate;
  /** The policy the decisions were made with, as JSON. */
  policy: string;
  outDir: string;
}

export interface PublishedFile {
  index: number;
  mediaId: number;
  fileName: string;
  sha256: string;
  decision: 'publishable' | 'redact';
  removedAudio: boolean;
  /** The redactions and their reasons, as JSON. */
  details: string;
}

/** A person in a published file: shown (with the consent record relied on) or blurred (with the reason). */
export interface PublishedPerson {
  fileIndex: number;
  personId: number;
  shown: 'visible' | 'blurred';
  consentRecordId: number | null;
  reason: string | null;
}

export interface PublicationRecord extends Omit<NewPublication, 'policy'> {
  id: number;
  createdAt: string;
  postUrl: string | null;
  takedownDoneAt: string | null;
  takedownDoneBy: string | null;
  files: PublishedFile[];
  people: (PublishedPerson & { externalId: string | null })[];
  takeDown: TakeDown;
  /** Visible people whose consent for the channel is withdrawn or refused now. */
  withdrawnPeople: number[];
}

type PublicationRow = Omit<PublicationRecord, 'files' | 'people' | 'takeDown' | 'withdrawnPeople'>;

const publicationColumns = `id, created_at AS createdAt, created_by AS createdBy, channel_key AS channel, identity_key AS identityKey,
  identity_name AS identityName, decision_date AS decisionDate, out_dir AS outDir, post_url AS postUrl,
  takedown_done_at AS takedownDoneAt, takedown_done_by AS takedownDoneBy`;

/**
 * The publication register (protocol rule 9: publications can always be found). A publication is
 * reserved before its files are written, because each file carries the publication's id, and
 * completed with its files and people in the transaction that writes the audit entry. Files and
 * people are never changed afterwards (triggers refuse it).
 *
 * "To take down" is a query, not a stored flag: a person shown in a publication whose consent for its
 * channel is, as of today, withdrawn or refused. Consent records are append-only, so the answer
 * follows every new record without anyone having to remember to update the register.
 */
export function createPublicationRepository(db: Db) {
  const reserve = db.prepare(
    `INSERT INTO publications (status, created_at, created_by, channel_key, identity_key, identity_name, decision_date, policy, out_dir)
     VALUES ('writing', @now, @createdBy, @channel, @identityKey, @identityName, @decisionDate, @policy, @outDir)`,
  );
  const setStatus = db.prepare<[string, number]>('UPDATE publications SET status = ? WHERE id = ?');
  const insertFile = db.prepare(
    `INSERT INTO publication_files (publication_id, file_index, media_id, file_name, sha256, decision, removed_audio, details)
     VALUES (@publicationId, @index, @mediaId, @fileName, @sha256, @decision, @removedAudio, @details)`,
  );
  const insertPerson = db.prepare(
    `INSERT OR IGNORE INTO publication_people (publication_id, file_index, person_id, shown, consent_record_id, reason)
     VALUES (@publicationId, @fileIndex, @personId, @shown, @consentRecordId, @reason)`,
  );
  const markDone = db.prepare<[string, string, number]>('UPDATE publications SET takedown_done_at = ?, takedown_done_by = ? WHERE id = ?');
  const setUrl = db.prepare<[string, number]>('UPDATE publications SET post_url = ? WHERE id = ?');
  const rows = db.prepare<[], PublicationRow>(`SELECT ${publicationColumns} FROM publications WHERE status = 'done' ORDER BY id`);
  const rowById = db.prepare<[number], PublicationRow>(`SELECT ${publicationColumns} FROM publications WHERE status = 'done' AND id = ?`);
  const filesOf = db.prepare<[number], Omit<PublishedFile, 'removedAudio'> & { removedAudio: number }>(
    `SELECT file_index AS "index", media_id AS mediaId, file_name AS fileName, sha256, decision, removed_audio AS removedAudio, details
     FROM publication_files WHERE publication_id = ? ORDER BY file_index`,
  );
  const peopleOf = db.prepare<[number], PublishedPerson & { externalId: string | null }>(
    `SELECT pp.file_index AS fileIndex, pp.person_id AS personId, pp.shown, pp.consent_record_id AS consentRecordId, pp.reason,
       p.external_id AS externalId
     FROM publication_people pp JOIN people p ON p.id = pp.person_id WHERE pp.publication_id = ? ORDER BY pp.file_index, pp.person_id`,
  );
  // The record in force today is the latest one given on or before today (as in shared/domain/consent.ts).
  const withdrawn = db.prepare<{ today: string; publicationId: number }, { personId: number }>(
    `SELECT DISTINCT pp.person_id AS personId
     FROM publication_people pp JOIN publications p ON p.id = pp.publication_id
     WHERE pp.publication_id = @publicationId AND pp.shown = 'visible'
       AND (SELECT r.status FROM consent_records r
            WHERE r.person_id = pp.person_id AND r.channel_key = p.channel_key AND r.given_on <= @today
            ORDER BY r.given_on DESC, r.id DESC LIMIT 1) IN ('withdrawn', 'refused')
     ORDER BY pp.person_id`,
  );
  const idsWithPerson = db.prepare<[number], { id: number }>('SELECT DISTINCT publication_id AS id FROM publication_people WHERE person_id = ?');

  function full(row: PublicationRow, today: IsoDate): PublicationRecord {
    const withdrawnPeople = withdrawn.all({ today, publicationId: row.id }).map((r) => r.personId);
    const takeDown: TakeDown = row.takedownDoneAt !== null ? 'done' : withdrawnPeople.length > 0 ? 'pending' : 'none';
    return {
      ...row,
      files: filesOf.all(row.id).map((f) => ({ ...f, removedAudio: f.removedAudio === 1 })),
      people: peopleOf.all(row.id),
      takeDown,
      withdrawnPeople,
    };
  }

  return {
    reserve: (p: NewPublication): number => Number(reserve.run({ ...p, now: new Date().toISOString() }).lastInsertRowid),
    /** Records the files and people of a reserved publication; call in the transaction that audits the export. */
    complete(publicationId: number, files: readonly PublishedFile[], people: readonly PublishedPerson[]): void {
      for (const f of files) insertFile.run({ ...f, publicationId, removedAudio: f.removedAudio ? 1 : 0 });
      for (const p of people) insertPerson.run({ ...p, publicationId });
      setStatus.run('done', publicationId);
    },
    /** A reserved publication whose files were not all written: it published nothing and is not listed. */
    abandon: (publicationId: number): void => void setStatus.run('failed', publicationId),
    get(id: number, today: IsoDate): PublicationRecord | undefined {
      const row = rowById.get(id);
      return row && full(row, today);
    },
    list(filter: { personId?: number }, today: IsoDate): PublicationRecord[] {
      const only = filter.personId === undefined ? null : new Set(idsWithPerson.all(filter.personId).map((r) => r.id));
      return rows
        .all()
        .filter((r) => only === null || only.has(r.id))
        .map((r) => full(r, today));
    },
    markTakedownDone: (id: number, by: string): void => void markDone.run(new Date().toISOString(), by, id),
    setPostUrl: (id: number, url: string): void => void setUrl.run(url, id),
  };
}

export type PublicationRepository = ReturnType<typeof createPublicationRepository>;
