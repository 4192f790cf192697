import type { Doubt, DoubtStatus } from '../../../../shared/contract/publishing';
import type { Db } from '../connection';

export type DoubtRow = Omit<Doubt, 'identityName'>;

export interface NewDoubt {
  postId: number | null;
  mediaId: number | null;
  identity: string;
  question: string;
  askedBy: string;
}

const columns = `id, post_id AS postId, media_id AS mediaId, identity_key AS identity, question, asked_by AS askedBy, asked_at AS askedAt,
  status, answer, reason, answered_by AS answeredBy, answered_at AS answeredAt`;

/** "In doubt? Ask" questions about a post or a media item, and their answers (rules 7, 8, 10). */
export function createDoubtRepository(db: Db) {
  const byId = db.prepare<[number], DoubtRow>(`SELECT ${columns} FROM doubts WHERE id = ?`);
  const all = db.prepare<[], DoubtRow>(`SELECT ${columns} FROM doubts ORDER BY status = 'open' DESC, id DESC`);
  const withStatus = db.prepare<[string], DoubtRow>(`SELECT ${columns} FROM doubts WHERE status = ? ORDER BY id DESC`);
  const ofPost = db.prepare<[number, number], DoubtRow>(
    `SELECT ${columns} FROM doubts WHERE post_id = ? OR media_id IN (SELECT media_id FROM post_media WHERE post_id = ?) ORDER BY id`,
  );
  const openOfMedia = db.prepare<[number], DoubtRow>(`SELECT ${columns} FROM doubts WHERE media_id = ? AND status = 'open' ORDER BY id LIMIT 1`);
  const openOfPost = db.prepare<[number], DoubtRow>(`SELECT ${columns} FROM doubts WHERE post_id = ? AND status = 'open' ORDER BY id LIMIT 1`);
  const insert = db.prepare(
    `INSERT INTO doubts (post_id, media_id, identity_key, question, asked_by, asked_at, status)
     VALUES (@postId, @mediaId, @identity, @question, @askedBy, @now, 'open')`,
  );
  const answer = db.prepare(
    `UPDATE doubts SET status = @status, answer = @answer, reason = @reason, answered_by = @by, answered_at = @now WHERE id = @id AND status = 'open'`,
  );
  return {
    get: (id: number): DoubtRow | undefined => byId.get(id),
    list: (status?: DoubtStatus): DoubtRow[] => (status ? withStatus.all(status) : all.all()),
    /** Every doubt about the post or any of its media, oldest first. */
    ofPost: (postId: number): DoubtRow[] => ofPost.all(postId, postId),
    openOfMedia: (mediaId: number): DoubtRow | undefined => openOfMedia.get(mediaId),
    openOfPost: (postId: number): DoubtRow | undefined => openOfPost.get(postId),
    create(doubt: NewDoubt): number {
      return Number(insert.run({ ...doubt, now: new Date().toISOString() }).lastInsertRowid);
    },
    /** False when it was no longer open (someone answered first). */
    answer(id: number, status: Exclude<DoubtStatus, 'open'>, text: string, reason: string | null, by: string): boolean {
      return answer.run({ id, status, answer: text, reason, by, now: new Date().toISOString() }).changes > 0;
    },
  };
}

export type DoubtRepository = ReturnType<typeof createDoubtRepository>;
