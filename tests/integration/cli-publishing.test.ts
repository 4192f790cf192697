import Database from 'better-sqlite3';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localAdmin } from '../../electron/core/api/context';
import { openLibrary } from '../../electron/core/library';
import { updateMedia } from '../../electron/core/media/media-service';
import { createSchool } from '../../electron/core/services/org-service';
import { addConsent, addFace, addPerson, facesDir, importMedia, markDetected, twoPeopleFaces } from './export-kit';
import { runCli, runJson, sentencePattern, tempRoot } from './cli-run';

const tmp = tempRoot('cf-cli-publishing-');
const { home } = tmp;
let photo: number;
const as = (password: string) => ({ env: { CLEARFRAME_PASSWORD: password } });
const admin = ['--user', 'admin'];
const sam = ['--user', 'sam'];
const mia = ['--user', 'mia'];

beforeAll(async () => {
  // Oak School with one photo whose two tagged people allowed the website: publishable as it stands.
  const lib = openLibrary(home);
  const oak = createSchool(lib, localAdmin, 'oak', 'Oak School');
  [photo] = await importMedia(lib, [join(facesDir, 'two_people.jpg')]);
  updateMedia(lib, localAdmin, String(photo), { schoolId: oak.id });
  markDetected(lib, photo);
  for (const box of twoPeopleFaces) {
    const person = addPerson(lib, { schoolId: oak.id });
    addFace(lib, photo, box, { state: 'person', personId: person.id });
    addConsent(lib, person.id, 'website', 'granted', '2020-01-01');
  }
  lib.close();
});
afterAll(() => tmp.remove());

/** What a refused call must leave as it was: the audit log and the publishing tables, read straight from the file. */
function snapshot(): string {
  const db = new Database(join(home, 'library.sqlite'), { readonly: true });
  try {
    const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
    const rows = (sql: string) => db.prepare(sql).all();
    return JSON.stringify({
      audit: count('audit_log'),
      channels: rows('SELECT * FROM official_channels ORDER BY rowid'),
      posts: rows('SELECT * FROM posts ORDER BY id'),
      doubts: rows('SELECT * FROM doubts ORDER BY id'),
      users: rows('SELECT id, name, password_hash FROM users ORDER BY id'),
    });
  } finally {
    db.close();
  }
}

describe('a single-user library: the admin does everything without --user', () => {
  it('adds, changes and removes an official channel', async () => {
    const added = await runJson(home, ['channels', 'official', 'add', 'oak', 'website', '--account', 'www.oak.example', '--photo-max-edge', '1600']);
    expect(added.code).toBe(0);
    expect(added.json).toMatchObject({ key: 'oak', kind: 'school', channels: [{ channel: 'website', account: 'www.oak.example', presets: { photo_max_edge: 1600 } }] });
    await runJson(home, ['channels', 'official', 'add', 'oak', 'facebook', '--account', '@oakschool']);
    const removed = await runJson(home, ['channels', 'official', 'remove', 'oak', 'facebook']);
    expect(removed.json.channels.map((c: { channel: string }) => c.channel)).toEqual(['website']);
    const list = await runJson(home, ['identities', 'list']);
    expect(list.json.map((i: { key: string; channels: unknown[] }) => [i.key, i.channels.length])).toEqual([
      ['foundation', 0],
      ['oak', 1],
    ]);
  }, 120_000);

  it('refuses a wrong action or a missing account with a usage sentence, writing nothing', async () => {
    const before = snapshot();
    const wrong = await runCli(['--home', home, 'channels', 'official', 'rename', 'oak', 'website']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('"rename" is not add or remove.');
    const noAccount = await runCli(['--home', home, 'channels', 'official', 'add', 'oak', 'x']);
    expect(noAccount.code).toBe(2);
    expect(noAccount.stderr).toContain('--account is required.');
    expect(snapshot()).toBe(before);
  }, 120_000);

  it('prepares a post flagged for third-party content, and asks about the photo and the post', async () => {
    const post = await runJson(home, ['posts', 'create', String(photo), '--identity', 'oak', '--channel', 'website', '--caption', 'Sports day', '--third-party']);
    expect(post.json).toMatchObject({ id: 1, status: 'draft', author: 'admin', third_party_content: true, media: [{ media: photo, decision: 'publishable' }] });
    const media = await runJson(home, ['doubt', 'ask', 'media', String(photo), '--question', 'Is the man on the left the visitor who objected?']);
    expect(media.json).toMatchObject({ id: 1, media: photo, post: null, identity: 'oak', asked_by: 'admin', status: 'open' });
    const about = await runJson(home, ['doubt', 'ask', 'post', '1', '--question', 'May the caption name the school?']);
    expect(about.json).toMatchObject({ id: 2, post: 1, media: null, status: 'open' });
    const wrongKind = await runCli(['--home', home, 'doubt', 'ask', 'folder', '1', '--question', 'x']);
    expect(wrongKind.code).toBe(2);
    expect(wrongKind.stderr).toContain('"folder" is not media or post.');
    const shown = await runJson(home, ['posts', 'show', '1']);
    expect(shown.json.media[0].decision).toBe('blocked');
    expect(shown.json.doubts.map((d: { id: number }) => d.id)).toEqual([1, 2]);
  }, 120_000);
});

describe('once passwords are set', () => {
  beforeAll(async () => {
    const pw = { CLEARFRAME_NEW_PASSWORD: 'admin-password-1' };
    expect((await runJson(home, ['users', 'passwd', 'admin'], { env: pw })).code).toBe(0);
    for (const [name, role, school] of [['sam', 'staff'], ['mia', 'management', 'oak']] as const) {
      const args = [...admin, 'users', 'add', name, '--role', role, ...(school ? ['--school', school] : [])];
      const r = await runJson(home, args, { env: { CLEARFRAME_PASSWORD: 'admin-password-1', CLEARFRAME_NEW_PASSWORD: `${name}-password-1` } });
      expect(r.code).toBe(0);
    }
  }, 120_000);

  it('every call needs --user, even a read', async () => {
    const r = await runCli(['--home', home, 'posts', 'list']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(sentencePattern);
    expect(r.stderr).toContain('name your profile with --user NAME');
  }, 120_000);

  it('staff submit but may not release, change channels or answer: exit 1, the permission named, nothing written', async () => {
    expect((await runJson(home, [...sam, 'posts', 'list'], as('sam-password-1'))).json).toHaveLength(1);
    // Submitting a draft someone else prepared is part of preparing.
    expect((await runJson(home, [...sam, 'posts', 'submit', '1'], as('sam-password-1'))).json.status).toBe('submitted');
    const before = snapshot();
    const outDir = join(tmp.root, 'staff-out');
    const refusals: [string[], string][] = [
      [['posts', 'release', '1', '--out', outDir, '--third-party-checked'], 'sam may not release media for publication: this needs the release permission (management, board).'],
      [['channels', 'official', 'add', 'oak', 'facebook', '--account', '@oak'], 'sam may not change channels: this needs the channels permission (admin).'],
      [['channels', 'official', 'remove', 'oak', 'website'], 'sam may not change channels: this needs the channels permission (admin).'],
      [['doubt', 'answer', '1', '--answer', 'fine', '--approve'], 'sam may not answer doubts: this needs the answer permission (management, board).'],
      [['users', 'remove', 'mia'], 'sam may not manage profiles: this needs the users permission (admin).'],
    ];
    for (const [args, sentence] of refusals) {
      const r = await runCli(['--home', home, ...sam, ...args], as('sam-password-1'));
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toBe(`clearframe: ${sentence}\n`);
    }
    expect(snapshot()).toBe(before);
    expect(existsSync(outDir)).toBe(false);
  }, 120_000);

  it('the school management answers, then releases only with the third-party check confirmed', async () => {
    const outDir = join(tmp.root, 'out');
    const blockedByQuestion = await runJson(home, [...mia, 'posts', 'release', '1', '--out', outDir, '--third-party-checked'], as('mia-password-1'));
    expect(blockedByQuestion.json.error).toEqual({ code: 'conflict', message: 'A question about post 1 is still open ("May the caption name the school?"); answer it in the review queue first.' });
    const queue = await runJson(home, [...mia, 'doubt', 'list'], as('mia-password-1'));
    expect(queue.json.map((d: { id: number }) => d.id).sort()).toEqual([1, 2]);
    for (const id of ['1', '2']) {
      const answered = await runJson(home, [...mia, 'doubt', 'answer', id, '--answer', 'That is fine.', '--approve'], as('mia-password-1'));
      expect(answered.json).toMatchObject({ status: 'approved', answered_by: 'mia' });
    }
    const before = snapshot();
    const unchecked = await runCli(['--home', home, ...mia, 'posts', 'release', '1', '--out', outDir], as('mia-password-1'));
    expect(unchecked.code).toBe(2);
    expect(unchecked.stderr).toBe(
      'clearframe: Post 1 may show logos or artwork of others: check that they may be published, then confirm the check when releasing (on the command line: --third-party-checked).\n',
    );
    expect(snapshot()).toBe(before);
    const released = await runJson(home, [...mia, 'posts', 'release', '1', '--out', outDir, '--third-party-checked'], as('mia-password-1'));
    expect(released.code).toBe(0);
    expect(released.json).toMatchObject({ post: { status: 'released', decided_by: 'mia' }, publication: expect.any(Number), blocked: [], failed: [] });
    expect(released.json.exported).toHaveLength(1);
    expect(readdirSync(outDir).filter((f) => f.endsWith('.jpg'))).toHaveLength(1);
  }, 120_000);

  it('the admin removes a profile and changes roles from the command line; the last admin stays', async () => {
    const env = as('admin-password-1');
    const roles = await runJson(home, [...admin, 'users', 'roles', 'sam', '--role', 'staff', '--role', 'auditor'], env);
    expect(roles.json).toMatchObject({ name: 'sam', roles: ['auditor', 'staff'] });
    const before = snapshot();
    const last = await runCli(['--home', home, ...admin, 'users', 'roles', 'admin', '--role', 'staff'], env);
    expect(last.code).toBe(1);
    expect(last.stderr).toBe('clearframe: admin is the last admin profile and keeps the admin role: give another profile the admin role first.\n');
    const self = await runCli(['--home', home, ...admin, 'users', 'remove', 'admin'], env);
    expect(self.code).toBe(1);
    expect(self.stderr).toMatch(sentencePattern);
    expect(snapshot()).toBe(before);
    expect((await runJson(home, [...admin, 'users', 'remove', 'sam'], env)).json).toEqual({ removed: 'sam' });
    const gone = await runCli(['--home', home, ...sam, 'status'], as('sam-password-1'));
    expect(gone.code).toBe(1);
    expect(gone.stderr).toBe('clearframe: The profile name or password is not right.\n');
  }, 120_000);
});
