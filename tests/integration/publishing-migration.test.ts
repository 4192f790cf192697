import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../electron/core/db/migrations';
import { createDoubtRepository } from '../../electron/core/db/repositories/doubt-repository';
import { createIdentityRepository } from '../../electron/core/db/repositories/identity-repository';
import { createPostRepository } from '../../electron/core/db/repositories/post-repository';

const version = migrations.find((m) => m.name === 'publishing')!.version;

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const m of migrations.filter((m) => m.version < version)) db.exec(m.sql);
  db.exec(`INSERT INTO channels (key, name, kind, sort) VALUES ('website', 'Website', 'external', 1);
    INSERT INTO media (id, sha256, kind, name, ext, byte_size, mime, imported_at, sort_at)
      VALUES (1, '${'a'.repeat(64)}', 'photo', 'a.jpg', 'jpg', 1, 'image/jpeg', 'now', 'now');`);
  db.exec(migrations.find((m) => m.version === version)!.sql);
});
afterEach(() => db.close());

describe(`migration ${version}: official channels, posts and doubts`, () => {
  it('keeps one account per identity and channel, only on known channels', () => {
    const repo = createIdentityRepository(db);
    const account = { identity: 'oak', channel: 'website', account: 'oak.example', url: null, photoMaxEdge: 1600, jpegQuality: null, videoMaxEdge: null, videoMaxKbps: null };
    repo.set(account, 'admin');
    repo.set({ ...account, account: 'www.oak.example' }, 'admin');
    expect(repo.ofIdentity('oak')).toEqual([expect.objectContaining({ channel: 'website', channelName: 'Website', account: 'www.oak.example', photoMaxEdge: 1600 })]);
    expect(() => repo.set({ ...account, channel: 'myspace' }, 'admin')).toThrow(/FOREIGN KEY/);
  });

  it('posts start as drafts with their media in order; statuses are a closed list', () => {
    const posts = createPostRepository(db);
    const id = posts.create({ identity: 'oak', channel: 'website', caption: null, plannedOn: null, thirdPartyContent: false, author: 'sam' });
    posts.addMedia(id, [1, 1]);
    expect(posts.get(id)).toMatchObject({ status: 'draft', author: 'sam', thirdPartyContent: false });
    expect(posts.media(id)).toEqual([1]);
    expect(() => db.exec("UPDATE posts SET status = 'published'")).toThrow(/CHECK/);
  });

  it('a doubt is about a post or a media item, never both or neither, and is answered once', () => {
    const doubts = createDoubtRepository(db);
    const id = doubts.create({ postId: null, mediaId: 1, identity: 'oak', question: 'ok?', askedBy: 'sam' });
    expect(doubts.openOfMedia(1)).toMatchObject({ id, status: 'open' });
    expect(doubts.answer(id, 'approved', 'yes', null, 'mia')).toBe(true);
    expect(doubts.answer(id, 'rejected', 'no', 'x', 'mia')).toBe(false);
    expect(doubts.openOfMedia(1)).toBeUndefined();
    expect(() => db.exec("INSERT INTO doubts (identity_key, question, asked_by, asked_at, status) VALUES ('oak', '?', 'sam', 'now', 'open')")).toThrow(/CHECK/);
  });
});
