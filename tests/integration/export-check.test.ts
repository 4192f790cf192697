import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localAdmin } from '../../electron/core/api/context';
import { checkMedia } from '../../electron/core/export/check-service';
import { setDecisionPolicy } from '../../electron/core/export/policy';
import { runCli, runJson, sentencePattern } from './cli-run';
import { addConsent, addFace, addPerson, exportLibrary, facesDir, importMedia, markDetected, twoPeopleFaces } from './export-kit';

/** Decisions as the library assembles them, and `clearframe check`. Portraits of adults (public domain). */
const t = exportLibrary('cf-export-check-');
const { lib, home } = t;
let photo = 0;
let undetected = 0;
let left = 0;
let right = 0;
let ann = 0;
let bob = 0;

beforeAll(async () => {
  [photo, undetected] = await importMedia(lib, [join(facesDir, 'two_people.jpg'), join(facesDir, 'biden.jpg')]);
  markDetected(lib, photo);
  ann = addPerson(lib, { firstName: 'Ann' }).id;
  bob = addPerson(lib, { firstName: 'Bob' }).id;
  addConsent(lib, ann, 'website', 'granted', '2025-09-01', '2026-07-31');
  addConsent(lib, ann, 'website', 'withdrawn', '2026-02-01');
  addConsent(lib, bob, 'website', 'refused', '2025-09-01');
  left = addFace(lib, photo, twoPeopleFaces[0]!, { state: 'person', personId: ann });
  right = addFace(lib, photo, twoPeopleFaces[1]!, { state: 'person', personId: bob });
  // The CLI opens the same library folder in its own process.
  lib.close();
}, 60_000);
afterAll(() => t.cleanup());

describe('clearframe check', () => {
  it('blurs the person who refused and shows the one with consent, as of the date asked', async () => {
    const r = await runJson(home, ['check', String(photo), '--channel', 'website', '--date', '2026-01-15']);
    expect(r.code).toBe(0);
    expect(r.json).toEqual([{ media: photo, decision: 'redact', redactions: [{ face: right, reason: 'refused' }], reasons: [] }]);
  });

  it('reads consent as of the date: after the withdrawal both faces are blurred', async () => {
    const r = await runJson(home, ['check', String(photo), '--channel', 'website', '--date', '2026-03-01']);
    expect(r.json[0].redactions).toEqual([
      { face: left, reason: 'withdrawn' },
      { face: right, reason: 'refused' },
    ]);
  });

  it('blocks media whose faces were never detected, with the reason, and checks --all', async () => {
    const r = await runJson(home, ['check', '--all', '--channel', 'website', '--date', '2026-01-15']);
    expect(r.code).toBe(0);
    expect(r.json.map((c: { media: number }) => c.media)).toEqual([photo, undetected].sort((a, b) => a - b));
    expect(r.json.find((c: { media: number }) => c.media === undetected)).toEqual({
      media: undetected,
      decision: 'blocked',
      redactions: [],
      reasons: [{ code: 'faces_not_detected', message: expect.stringMatching(/^Faces have not been detected/) }],
    });
  });

  it('blocks media marked "not for publication" until the mark is lifted', async () => {
    const marked = await runJson(home, ['media', 'mark', String(photo), '--not-for-publication', 'Shows a pupil in the sick bay.']);
    expect(marked.json).toMatchObject({ media: photo, not_for_publication: 'Shows a pupil in the sick bay.' });
    const blocked = await runJson(home, ['check', String(photo), '--channel', 'website', '--date', '2026-01-15']);
    expect(blocked.json[0]).toMatchObject({ decision: 'blocked', reasons: [{ code: 'not_for_publication', message: expect.stringContaining('sick bay') }] });
    await runJson(home, ['media', 'mark', String(photo), '--not-for-publication', '']);
    const lifted = await runJson(home, ['check', String(photo), '--channel', 'website', '--date', '2026-01-15']);
    expect(lifted.json[0].decision).toBe('redact');
  });

  it('refuses an unknown channel or identity with a sentence and a non-zero exit', async () => {
    const channel = await runCli(['--home', home, 'check', String(photo), '--channel', 'myspace']);
    expect(channel.code).not.toBe(0);
    expect(channel.stderr).toMatch(sentencePattern);
    expect(channel.stderr).toContain('website');
    const identity = await runCli(['--home', home, 'check', String(photo), '--channel', 'website', '--identity', 'nowhere']);
    expect(identity.code).not.toBe(0);
    expect(identity.stderr).toMatch(/foundation/);
  });

  it('needs media or --all', async () => {
    const r = await runCli(['--home', home, 'check', '--channel', 'website']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(sentencePattern);
  });
});

describe('decision inputs from the library', () => {
  const s = exportLibrary('cf-export-inputs-');
  afterAll(() => s.cleanup());

  it('blocks an unreviewed face by default and blurs it when the admin policy says so', async () => {
    const [id] = await importMedia(s.lib, [join(facesDir, 'obama.jpg')]);
    markDetected(s.lib, id!);
    const face = addFace(s.lib, id!, { x: 0.4, y: 0.1, w: 0.2, h: 0.3 });
    const before = checkMedia(s.lib, { media: [String(id)], all: false, channel: 'facebook', date: '2026-01-15' });
    expect(before[0]!.decision).toMatchObject({ decision: 'blocked', reasons: [{ code: 'unknown_face', faceIds: [face] }] });
    setDecisionPolicy(s.lib, localAdmin, { unresolvedFaces: 'blur' });
    const after = checkMedia(s.lib, { media: [String(id)], all: false, channel: 'facebook', date: '2026-01-15' });
    expect(after[0]!.decision).toMatchObject({ decision: 'redact', redactions: [{ faceId: face, reason: { code: 'unknown_face' } }] });
  });

  it('reads rights and third-party permission: someone else\'s photo needs a permission naming the channel', async () => {
    const [id] = await importMedia(s.lib, [join(facesDir, 'coffee.png')], 'third_party');
    markDetected(s.lib, id!);
    const check = () => checkMedia(s.lib, { media: [String(id)], all: false, channel: 'website', date: '2026-01-15' })[0]!.decision;
    expect(check()).toMatchObject({ decision: 'blocked', reasons: [{ code: 'rights_third_party' }] });
    s.lib.repos.marks.set({ mediaId: id!, confidential: false, notForPublication: null, audioRights: 'unknown', thirdPartyPermission: { channels: ['website'], until: '2026-12-31', evidence: 'mail of 3 May' } }, 'tester');
    expect(check()).toEqual({ decision: 'publishable', visible: [], removeAudio: false });
  });

  it('reads the publishing side: official channels of the identity (rule 13) and open questions about the media (rule 10)', async () => {
    const [id] = await importMedia(s.lib, [join(facesDir, 'chelsea.png')]);
    markDetected(s.lib, id);
    const check = (channel: string) => checkMedia(s.lib, { media: [String(id)], all: false, channel, identity: 'foundation', date: '2026-01-15' })[0]!.decision;
    // No official channels listed yet: not checked.
    expect(check('facebook').decision).toBe('publishable');
    s.lib.repos.identities.set({ identity: 'foundation', channel: 'website', account: 'stichting.nl', url: null, photoMaxEdge: 800, jpegQuality: null, videoMaxEdge: null, videoMaxKbps: null }, 'tester');
    expect(check('facebook')).toMatchObject({ decision: 'blocked', reasons: [{ code: 'not_official_channel' }] });
    expect(check('website').decision).toBe('publishable');
    s.lib.repos.doubts.create({ postId: null, mediaId: id, identity: 'foundation', question: 'Is the cat ours?', askedBy: 'tester' });
    expect(check('website')).toMatchObject({ decision: 'blocked', reasons: [{ code: 'open_doubt', message: expect.stringContaining('Is the cat ours?') }] });
  });

  it("sizes files by the official account's own preset when the admin set one", async () => {
    const [id] = await importMedia(s.lib, [join(facesDir, 'biden.jpg')]);
    markDetected(s.lib, id);
    const { startExport } = await import('../../electron/core/export/export-service');
    const report = await startExport(s.lib, localAdmin, { media: [String(id)], all: false, channel: 'website', identity: 'foundation', outDir: join(s.scratch, 'sized'), style: 'blur', removeAudio: false }).done;
    const meta = await sharp(report.exported[0]!.file).metadata();
    expect(Math.max(meta.width, meta.height)).toBe(800);
    const { endExifTool } = await import('../../electron/core/export/exif-tool');
    await endExifTool(s.lib);
  });
});
