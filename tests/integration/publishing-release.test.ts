import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localAdmin } from '../../electron/core/api/context';
import { addConsent } from './export-kit';
import { bo, eli, mia, publishingLibrary, sam } from './publishing-kit';

let t: Awaited<ReturnType<typeof publishingLibrary>>;
beforeEach(async () => {
  t = await publishingLibrary();
});
afterEach(() => t.cleanup());

async function submittedPost() {
  const post = await t.call('posts.create', { identity: 'oak', channel: 'website', media: [String(t.photo)], caption: 'Sports day' }, sam);
  expect(post.media.map((m) => m.decision.decision)).toEqual(['publishable']);
  return t.call('posts.submit', { id: post.id }, sam);
}

describe('official channels (rule 13)', () => {
  it('lists the foundation and every school, each with its accounts', async () => {
    const list = await t.call('identities.list', {}, sam);
    expect(list.map((i) => [i.key, i.channels.map((c) => `${c.channel}:${c.account}`)])).toEqual([
      ['foundation', []],
      ['elm', []],
      ['oak', ['website:oakschool.example']],
    ]);
  });

  it('refuses a post on a channel that is not official for the identity, and one for an identity without accounts', async () => {
    const facebook = await t.refused('posts.create', { identity: 'oak', channel: 'facebook', media: [String(t.photo)] }, sam);
    expect(facebook).toMatchObject({ code: 'forbidden', message: expect.stringContaining('facebook is not an official channel of Oak School; choose one of: website') });
    const none = await t.refused('posts.create', { identity: 'elm', channel: 'website', media: [String(t.photo)] }, sam);
    expect(none.message).toContain('Elm School has no official channels yet');
    expect(t.lib.repos.posts.list()).toEqual([]);
  });

  it('only the admin (channels permission) adds accounts', async () => {
    const r = await t.refused('identities.addChannel', { identity: 'oak', channel: 'facebook', account: 'oak' }, sam);
    expect(r.code).toBe('forbidden');
  });
});

describe('release: four eyes, rule 2', () => {
  it('refuses staff, the management of another school, the board for a school and the author; the school management releases', async () => {
    const post = await submittedPost();
    const outDir = `${t.scratch}/out`;
    expect((await t.refused('posts.release', { id: post.id, outDir }, sam)).message).toContain('sam may not release media for publication');
    expect((await t.refused('posts.release', { id: post.id, outDir }, eli)).message).toContain('only the management of school oak may');
    expect((await t.refused('posts.release', { id: post.id, outDir }, bo)).message).toContain('only the management of school oak may');
    const author = { actor: 'sam', user: { id: 7, name: 'sam', roles: ['management' as const], schools: ['oak'] } };
    expect((await t.refused('posts.release', { id: post.id, outDir }, author)).message).toContain('someone else must release it');
    expect(existsSync(outDir)).toBe(false);

    const report = await t.call('posts.release', { id: post.id, outDir }, mia);
    expect(report.post).toMatchObject({ status: 'released', decidedBy: 'mia', publicationId: report.publicationId });
    expect(report.exported).toHaveLength(1);
    expect(existsSync(report.exported[0]!.file)).toBe(true);
    expect(t.auditActions()).toEqual(expect.arrayContaining(['post.created', 'post.submitted', 'export', 'post.released']));
    expect((await t.refused('posts.release', { id: post.id, outDir }, mia)).code).toBe('conflict');
  });

  it('lets the sole user of a library without passwords release their own post', async () => {
    const post = await t.call('posts.create', { identity: 'oak', channel: 'website', media: [String(t.photo)] }, localAdmin);
    await t.call('posts.submit', { id: post.id }, localAdmin);
    const report = await t.call('posts.release', { id: post.id, outDir: `${t.scratch}/solo` }, localAdmin);
    expect(report.post.status).toBe('released');
  });

  it('decides again at release: consent withdrawn after submitting blurs the face', async () => {
    const post = await submittedPost();
    addConsent(t.lib, t.people[0]!.id, 'website', 'withdrawn', '2020-06-01');
    const report = await t.call('posts.release', { id: post.id, outDir: `${t.scratch}/out` }, mia);
    expect(report.exported).toEqual([expect.objectContaining({ mediaId: t.photo, blurred: 1 })]);
  });

  it('decides again at release: a "not for publication" mark set after submitting blocks it and the post stays submitted', async () => {
    const post = await submittedPost();
    await t.call('media.setMarks', { media: String(t.photo), notForPublication: 'pupil in distress' }, localAdmin);
    const report = await t.call('posts.release', { id: post.id, outDir: `${t.scratch}/out` }, mia);
    expect(report.publicationId).toBeNull();
    expect(report.blocked).toEqual([expect.objectContaining({ mediaId: t.photo, reasons: [expect.objectContaining({ code: 'not_for_publication' })] })]);
    expect(report.post.status).toBe('submitted');
    expect(t.auditActions()).toContain('post.release_blocked');
  });

  it('needs the releaser to confirm the logo and artwork check when the author flagged it (rule 6)', async () => {
    const post = await t.call('posts.create', { identity: 'oak', channel: 'website', media: [String(t.photo)], thirdPartyContent: true }, sam);
    await t.call('posts.submit', { id: post.id }, sam);
    const r = await t.refused('posts.release', { id: post.id, outDir: `${t.scratch}/out` }, mia);
    expect(r.message).toContain('logos or artwork');
    expect((await t.call('posts.release', { id: post.id, outDir: `${t.scratch}/out`, thirdPartyChecked: true }, mia)).post.status).toBe('released');
  });

  it('rejects with a reason; a rejected post cannot be released or changed', async () => {
    const post = await submittedPost();
    expect((await t.refused('posts.reject', { id: post.id, reason: 'no' }, sam)).code).toBe('forbidden');
    const rejected = await t.call('posts.reject', { id: post.id, reason: 'Wrong event' }, mia);
    expect(rejected).toMatchObject({ status: 'rejected', rejectReason: 'Wrong event', decidedBy: 'mia' });
    expect((await t.refused('posts.update', { id: post.id, caption: 'x' }, sam)).code).toBe('conflict');
  });
});

describe('in doubt? ask (rules 7, 8, 10)', () => {
  it('a question about a media item blocks it until the school management answers; then it is released', async () => {
    const post = await submittedPost();
    const doubt = await t.call('doubts.ask', { media: String(t.photo), question: 'Is the boy on the left the one whose parents objected?' }, sam);
    expect(doubt).toMatchObject({ identity: 'oak', status: 'open', askedBy: 'sam' });
    expect((await t.call('posts.get', { id: post.id }, sam)).media[0]!.decision).toMatchObject({
      decision: 'blocked',
      reasons: [expect.objectContaining({ code: 'open_doubt' })],
    });
    expect((await t.call('doubts.list', {}, mia)).map((d) => d.id)).toEqual([doubt.id]);
    expect(await t.call('doubts.list', {}, eli)).toEqual([]);

    const blocked = await t.call('posts.release', { id: post.id, outDir: `${t.scratch}/early` }, mia);
    expect(blocked.blocked[0]!.reasons.map((r) => r.code)).toEqual(['open_doubt']);
    expect(existsSync(`${t.scratch}/early`)).toBe(false);

    expect((await t.refused('doubts.answer', { id: doubt.id, answer: 'yes', verdict: 'approve' }, eli)).message).toContain('only the management of school oak');
    expect((await t.refused('doubts.answer', { id: doubt.id, answer: 'yes' }, sam)).code).toBe('forbidden');
    await t.call('doubts.answer', { id: doubt.id, answer: 'No, that is another pupil.', verdict: 'approve' }, mia);
    const released = await t.call('posts.release', { id: post.id, outDir: `${t.scratch}/out` }, mia);
    expect(released.post.status).toBe('released');
    expect(t.auditActions()).toEqual(expect.arrayContaining(['doubt.asked', 'doubt.approved', 'post.released']));
  });

  it('a rejection marks the media "not for publication" with the reason, which blocks it everywhere', async () => {
    const doubt = await t.call('doubts.ask', { media: String(t.photo), question: 'Can we show this?' }, sam);
    await t.call('doubts.answer', { id: doubt.id, answer: 'No.', verdict: 'reject', reason: 'Shows a pupil in distress' }, mia);
    expect(t.lib.repos.marks.get(t.photo).notForPublication).toBe('Shows a pupil in distress');
    const check = await t.call('export.check', { media: [String(t.photo)], channel: 'website' }, sam);
    expect(check[0]!.decision).toMatchObject({ decision: 'blocked', reasons: [expect.objectContaining({ code: 'not_for_publication' })] });
  });

  it('a question about a post holds the whole post; a rejection rejects it', async () => {
    const post = await submittedPost();
    const doubt = await t.call('doubts.ask', { post: post.id, question: 'Is this caption ok?' }, sam);
    expect((await t.refused('posts.release', { id: post.id, outDir: `${t.scratch}/out` }, mia)).message).toContain('Is this caption ok?');
    await t.call('doubts.answer', { id: doubt.id, answer: 'No', verdict: 'reject', reason: 'Names a pupil' }, mia);
    expect((await t.call('posts.get', { id: post.id }, sam))).toMatchObject({ status: 'rejected', rejectReason: 'Names a pupil' });
  });

  it('a question about media without a school goes to the board', async () => {
    t.lib.db.prepare('UPDATE media SET school_id = NULL WHERE id = ?').run(t.photo);
    const doubt = await t.call('doubts.ask', { media: String(t.photo), question: '?' }, sam);
    expect(doubt.identity).toBe('foundation');
    expect((await t.refused('doubts.answer', { id: doubt.id, answer: 'ok' }, mia)).message).toContain('only the board may');
    expect((await t.call('doubts.answer', { id: doubt.id, answer: 'ok' }, bo)).status).toBe('answered');
  });
});
