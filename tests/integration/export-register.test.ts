import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../electron/core/library';
import { todayIso } from '../../shared/domain/dates';
import { runCli, runJson, sentencePattern } from './cli-run';
import { addConsent, addFace, addPerson, exportLibrary, facesDir, importMedia, markDetected, sha256, twoPeopleFaces } from './export-kit';

/**
 * `clearframe export` and the publication register, as a user and outside scripts use them: what is
 * written, what is listed as blocked, who is visible and blurred, and what must be taken down after a
 * withdrawal. Portraits of adults (public domain).
 */
const t = exportLibrary('cf-export-register-');
const { home, scratch } = t;
const out = join(scratch, 'out');
const today = todayIso();
let twoPeople = 0;
let biden = 0;
let undetected = 0;
let slow: number[] = [];
const ext = { ann: '', bob: '', carl: '' };

beforeAll(async () => {
  const { lib } = t;
  const big: string[] = [];
  for (let i = 0; i < 8; i++) {
    const path = join(scratch, `big-${i}.jpg`);
    await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#777', noise: { type: 'gaussian', mean: 100 + i, sigma: 50 } } }).jpeg({ quality: 92 }).toFile(path);
    big.push(path);
  }
  const ids = await importMedia(lib, [join(facesDir, 'two_people.jpg'), join(facesDir, 'biden.jpg'), join(facesDir, 'obama.jpg'), ...big]);
  [twoPeople, biden, undetected] = ids;
  slow = ids.slice(3);
  for (const id of [twoPeople, biden, ...slow]) markDetected(lib, id);
  const ann = addPerson(lib, { firstName: 'Ann' });
  const bob = addPerson(lib, { firstName: 'Bob' });
  const carl = addPerson(lib, { firstName: 'Carl' });
  Object.assign(ext, { ann: ann.externalId, bob: bob.externalId, carl: carl.externalId });
  addConsent(lib, ann.id, 'website', 'granted', '2020-01-01');
  addConsent(lib, bob.id, 'website', 'refused', '2020-01-01');
  addConsent(lib, carl.id, 'website', 'granted', '2020-01-01');
  addFace(lib, twoPeople, twoPeopleFaces[0]!, { state: 'person', personId: ann.id });
  addFace(lib, twoPeople, twoPeopleFaces[1]!, { state: 'person', personId: bob.id });
  addFace(lib, biden, { x: 441 / 970, y: 155 / 1212, w: 261 / 970, h: 396 / 1212 }, { state: 'person', personId: carl.id });
  t.lib.close();
}, 120_000);
afterAll(() => t.cleanup());

describe('clearframe export', () => {
  let exported: { json: any; code: number | null };

  beforeAll(async () => {
    exported = await runJson(home, ['export', String(twoPeople), String(biden), String(undetected), '--channel', 'website', '--identity', 'foundation', '--out', out]);
  }, 120_000);

  it('writes what may go, lists what is blocked with reasons and fixes, and exits 0', () => {
    expect(exported.code).toBe(0);
    expect(exported.json).toEqual({
      exported: [
        { media: twoPeople, file: join(out, `foundation-website-${today}-1.jpg`), sha256: expect.stringMatching(/^[0-9a-f]{64}$/), blurred: 1 },
        { media: biden, file: join(out, `foundation-website-${today}-2.jpg`), sha256: expect.stringMatching(/^[0-9a-f]{64}$/), blurred: 0 },
      ],
      blocked: [{ media: undetected, reasons: [{ code: 'faces_not_detected', message: expect.any(String), fix: expect.stringMatching(/face detection/) }] }],
    });
    expect(readdirSync(out).sort()).toEqual([`foundation-website-${today}-1.jpg`, `foundation-website-${today}-2.jpg`]);
    for (const e of exported.json.exported) expect(sha256(e.file)).toBe(e.sha256);
  });

  it('records the publication: files, who is visible, who is blurred', async () => {
    const r = await runJson(home, ['publications']);
    expect(r.json).toEqual([
      {
        id: expect.any(Number),
        created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        by: expect.any(String),
        channel: 'website',
        identity: 'foundation',
        files: exported.json.exported.map((e: any) => ({ media: e.media, file: e.file, sha256: e.sha256 })),
        visible: [ext.ann, ext.carl],
        blurred: [ext.bob],
        take_down: 'none',
      },
    ]);
  });

  it('lists the publication to take down once a visible person withdraws, until it is marked done', async () => {
    const [pub] = (await runJson(home, ['publications'])).json;
    expect((await runJson(home, ['publications', '--to-take-down'])).json).toEqual([]);
    expect((await runJson(home, ['consent', 'set', ext.ann, 'website', 'withdrawn'])).code).toBe(0);
    const pending = await runJson(home, ['publications', '--to-take-down']);
    expect(pending.json).toEqual([{ ...pub, take_down: 'pending' }]);
    expect((await runJson(home, ['publications', '--person', ext.ann])).json.map((p: any) => p.id)).toEqual([pub.id]);
    expect((await runJson(home, ['publications', '--person', ext.bob])).json.map((p: any) => p.id)).toEqual([pub.id]);

    const done = await runJson(home, ['publications', 'done', String(pub.id)]);
    expect(done.code).toBe(0);
    expect(done.json).toEqual({ ...pub, take_down: 'done' });
    expect((await runJson(home, ['publications', '--to-take-down'])).json).toEqual([]);

    const again = await runCli(['--home', home, 'publications', 'done', String(pub.id)]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(sentencePattern);
  });

  it('audits the export and the takedown, naming the publication', () => {
    const lib = openLibrary(home);
    try {
      const entries = lib.repos.audit.list().filter((e) => e.action === 'export' || e.action === 'publication.taken_down');
      const [pub] = lib.repos.publications.list({}, today);
      expect(entries.map((e) => [e.action, e.subject])).toEqual([
        ['export', `publication:${pub!.id}`],
        ['publication.taken_down', `publication:${pub!.id}`],
      ]);
    } finally {
      lib.close();
    }
  });
});

describe('what is never written', () => {
  it('a blocked export writes no file, records no publication and exits 0', async () => {
    const dir = join(scratch, 'blocked');
    const before = (await runJson(home, ['publications'])).json.length;
    const r = await runJson(home, ['export', String(undetected), '--channel', 'website', '--identity', 'foundation', '--out', dir]);
    expect(r.code).toBe(0);
    expect(r.json).toEqual({ exported: [], blocked: [{ media: undetected, reasons: [expect.objectContaining({ code: 'faces_not_detected' })] }] });
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
    expect((await runJson(home, ['publications'])).json.length).toBe(before);
  });

  it('a killed export leaves no file with a final name and nothing in the register', async () => {
    const dir = join(scratch, 'killed');
    const before = (await runJson(home, ['publications'])).json.length;
    let killed = false;
    const r = await runCli(['--home', home, 'export', ...slow.map(String), '--channel', 'press', '--identity', 'foundation', '--out', dir, '--progress'], {
      onStderr: (child, chunk) => {
        if (!killed && /[1-9]\/8/.test(chunk)) {
          killed = true;
          child.kill('SIGKILL');
        }
      },
    });
    expect(killed).toBe(true);
    expect(r.signal).toBe('SIGKILL');
    expect(readdirSync(dir).filter((f) => !/^\..*\.partial$/.test(f))).toEqual([]);
    expect((await runJson(home, ['publications'])).json.length).toBe(before);
  }, 120_000);

  it('refuses a profile that may not release for the identity, and writes nothing', async () => {
    expect((await runJson(home, ['users', 'add', 'sam', '--role', 'staff', '--no-password'])).code).toBe(0);
    const dir = join(scratch, 'staff');
    const r = await runCli(['--home', home, '--user', 'sam', 'export', String(biden), '--channel', 'website', '--identity', 'foundation', '--out', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/sam may not export/);
    expect(existsSync(dir)).toBe(false);
  });
});
