import type { Post, PostStatus } from '../../../../shared/contract/publishing';
import type { IsoDate } from '../../../../shared/types';
import type { Db } from '../connection';

export type PostRow = Omit<Post, 'identityName' | 'channelName' | 'account' | 'media' | 'doubts'>;

export interface PostListRow extends PostRow {
  mediaCount: number;
  openDoubts: number;
}

export interface NewPost {
  identity: string;
  channel: string;
  caption: string | null;
  plannedOn: IsoDate | null;
  thirdPartyContent: boolean;
  author: string;
}

type Raw<T> = Omit<T, 'thirdPartyContent'> & { thirdPartyContent: number };

const columns = `p.id, p.identity_key AS identity, p.channel_key AS channel, p.caption, p.planned_on AS plannedOn,
  p.third_party_content AS thirdPartyContent, p.status, p.author, p.created_at AS createdAt, p.submitted_at AS submittedAt,
  p.decided_at AS decidedAt, p.decided_by AS decidedBy, p.reject_reason AS rejectReason, p.publication_id AS publicationId`;

const listColumns = `${columns},
  (SELECT COUNT(*) FROM post_media m WHERE m.post_id = p.id) AS mediaCount,
  (SELECT COUNT(*) FROM doubts d WHERE d.status = 'open' AND (d.post_id = p.id
     OR d.media_id IN (SELECT media_id FROM post_media m WHERE m.post_id = p.id))) AS openDoubts`;

const fromRaw = <T extends PostRow>(r: Raw<T>): T => ({ ...r, thirdPartyContent: r.thirdPartyContent === 1 }) as T;

export function createPostRepository(db: Db) {
  const byId = db.prepare<[number], Raw<PostRow>>(`SELECT ${columns} FROM posts p WHERE p.id = ?`);
  const all = db.prepare<[], Raw<PostListRow>>(`SELECT ${listColumns} FROM posts p ORDER BY p.id DESC`);
  const withStatus = db.prepare<[string], Raw<PostListRow>>(`SELECT ${listColumns} FROM posts p WHERE p.status = ? ORDER BY p.id DESC`);
  const insert = db.prepare(
    `INSERT INTO posts (identity_key, channel_key, caption, planned_on, third_party_content, status, author, created_at, updated_at)
     VALUES (@identity, @channel, @caption, @plannedOn, @thirdPartyContent, 'draft', @author, @now, @now)`,
  );
  const update = db.prepare(
    `UPDATE posts SET caption = @caption, planned_on = @plannedOn, third_party_content = @thirdPartyContent, updated_at = @now WHERE id = @id`,
  );
  const submit = db.prepare<[string, string, number]>(`UPDATE posts SET status = 'submitted', submitted_at = ?, updated_at = ? WHERE id = ?`);
  const decide = db.prepare(
    `UPDATE posts SET status = @status, decided_at = @now, decided_by = @by, reject_reason = @reason, publication_id = @publicationId,
       updated_at = @now WHERE id = @id`,
  );
  const mediaOf = db.prepare<[number], { mediaId: number }>('SELECT media_id AS mediaId FROM post_media WHERE post_id = ? ORDER BY position');
  const lastPosition = db.prepare<[number], { p: number | null }>('SELECT MAX(position) AS p FROM post_media WHERE post_id = ?');
  const addMedia = db.prepare<[number, number, number]>('INSERT OR IGNORE INTO post_media (post_id, position, media_id) VALUES (?, ?, ?)');
  const removeMedia = db.prepare<[number, number]>('DELETE FROM post_media WHERE post_id = ? AND media_id = ?');
  const postsWithMedia = db.prepare<[number], { id: number }>(
    `SELECT p.id FROM posts p JOIN post_media m ON m.post_id = p.id WHERE m.media_id = ? AND p.status IN ('draft', 'submitted')`,
  );
  return {
    get: (id: number): PostRow | undefined => {
      const r = byId.get(id);
      return r && fromRaw(r);
    },
    list: (status?: PostStatus): PostListRow[] => (status ? withStatus.all(status) : all.all()).map(fromRaw),
    create(post: NewPost): number {
      const now = new Date().toISOString();
      return Number(insert.run({ ...post, thirdPartyContent: post.thirdPartyContent ? 1 : 0, now }).lastInsertRowid);
    },
    update(id: number, fields: Pick<PostRow, 'caption' | 'plannedOn' | 'thirdPartyContent'>): void {
      update.run({ id, ...fields, thirdPartyContent: fields.thirdPartyContent ? 1 : 0, now: new Date().toISOString() });
    },
    submit(id: number): void {
      const now = new Date().toISOString();
      submit.run(now, now, id);
    },
    decide(id: number, status: 'released' | 'rejected', by: string, reason: string | null, publicationId: number | null): void {
      decide.run({ id, status, by, reason, publicationId, now: new Date().toISOString() });
    },
    media: (id: number): number[] => mediaOf.all(id).map((r) => r.mediaId),
    addMedia(id: number, mediaIds: readonly number[]): void {
      let position = lastPosition.get(id)?.p ?? 0;
      for (const mediaId of mediaIds) addMedia.run(id, ++position, mediaId);
    },
    removeMedia(id: number, mediaIds: readonly number[]): void {
      for (const mediaId of mediaIds) removeMedia.run(id, mediaId);
    },
    /** Drafts and submitted posts that hold this media item. */
    openPostsWith: (mediaId: number): number[] => postsWithMedia.all(mediaId).map((r) => r.id),
  };
}

export type PostRepository = ReturnType<typeof createPostRepository>;
