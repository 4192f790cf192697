import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, runJson, sentencePattern, tempRoot } from './cli-run';

const tmp = tempRoot('cf-cli-media-');
const { home, root } = tmp;
const shots = join(root, 'shots');
const more = join(root, 'more');
const many = join(root, 'many');

/** A small photo whose pixels differ per seed, so each is its own media item (sha256). */
function photo(seed: number, format: 'jpeg' | 'png' = 'jpeg', size = 96): Promise<Buffer> {
  const background = { r: (seed * 53) % 256, g: (seed * 97) % 256, b: (seed * 29) % 256 };
  return sharp({ create: { width: size, height: Math.round(size * 0.75), channels: 3, background } })
    .toFormat(format)
    .toBuffer();
}

beforeAll(async () => {
  mkdirSync(join(shots, 'nested'), { recursive: true });
  mkdirSync(more, { recursive: true });
  mkdirSync(many, { recursive: true });
  writeFileSync(join(shots, 'a.jpg'), await photo(1));
  writeFileSync(join(shots, 'b.png'), await photo(2, 'png'));
  writeFileSync(join(shots, 'nested', 'c.jpg'), await photo(3));
  // A file that claims to be a JPEG but holds no image: one error row, the rest goes on.
  writeFileSync(join(shots, 'broken.jpg'), Buffer.from('this is not a photo, only text with a .jpg name\n'.repeat(20)));
  execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=64x48:rate=10', '-t', '1', '-pix_fmt', 'yuv420p', join(shots, 'clip.mp4')]);
  copyFileSync(join(shots, 'a.jpg'), join(more, 'a-copy.jpg'));
  writeFileSync(join(more, 'd.jpg'), await photo(4));
  // Large enough that the import is still running when Ctrl+C arrives, even on a busy machine.
  for (let i = 0; i < 60; i++) writeFileSync(join(many, `p${String(i).padStart(3, '0')}.jpg`), await photo(100 + i, 'jpeg', 1600));
  // A school to name with --school.
  const csv = join(root, 'people.csv');
  writeFileSync(csv, 'external_id,first_name,last_name,role,school,class,date_of_birth\nP1,Emma,Jansen,pupil,oak,Group 8,2014-03-02\n');
  expect((await runJson(home, ['people', 'import', csv])).code).toBe(0);
}, 120_000);
afterAll(() => tmp.remove());

describe('import', () => {
  it('imports a folder recursively, lists the corrupt file and exits 0; progress goes to stderr', async () => {
    const r = await runJson(home, ['import', shots, '--progress']);
    expect(r.code).toBe(0);
    expect(r.json).toEqual({
      imported: 4,
      duplicates: 0,
      failed: [{ path: join(shots, 'broken.jpg'), error: expect.stringMatching(/^\S.*\.$/) }],
      total: 5,
      batch: expect.any(Number),
      status: 'done',
    });
    expect(r.stderr).toMatch(/^Importing \d+\/5 /m);
    expect(r.stdout).not.toMatch(/\d+\/5 /);
  });

  it('never imports the same content twice', async () => {
    const again = await runJson(home, ['import', shots]);
    expect(again.code).toBe(0);
    expect(again.json).toMatchObject({ imported: 0, duplicates: 4, total: 5 });
    expect(again.json.failed).toHaveLength(1);
    expect(again.stderr).toBe(''); // stderr is a pipe here and --progress was not asked for
  });

  it('applies batch defaults and the school; a copy under another name is a duplicate', async () => {
    const r = await runJson(home, ['import', more, '--creator', 'Ann Smit', '--license', 'school_owned', '--school', 'oak', '--event', 'Sports day']);
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ imported: 1, duplicates: 1, failed: [] });
    const list = await runJson(home, ['media', 'list', '--batch', String(r.json.batch)]);
    expect(list.json).toEqual([
      expect.objectContaining({ name: 'd.jpg', creator: 'Ann Smit', license: 'school_owned', school: 'oak', event: 'Sports day', batch: r.json.batch }),
    ]);
  });

  it('prints a summary line without --json', async () => {
    const r = await runCli(['--home', home, 'import', join(shots, 'broken.jpg')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Imported 0 files; 0 duplicates skipped; 1 failed \(batch \d+\)\.\n {2}.*broken\.jpg: /);
  });

  it.each([
    [['import', join(root, 'nowhere')], 1, 'not_found', /does not exist/],
    [['import', shots, '--school', 'elm'], 1, 'not_found', /There is no school with the key "elm"/],
    [['import', shots, '--license', 'public'], 2, 'invalid_input', /--license "public" is not one of: school_owned/],
    [['import'], 2, 'invalid_input', /"import" takes <paths…>/],
  ])('refuses %j with exit %i', async (args, code, errorCode, message) => {
    const r = await runJson(home, args);
    expect(r.code).toBe(code);
    expect(r.json.error).toEqual({ code: errorCode, message: expect.stringMatching(message) });
    expect(r.stderr).toMatch(sentencePattern);
  });

  it('Ctrl+C cancels after the current files, reports the partial batch and exits 130; running it again finishes it', async () => {
    let sent = false;
    const r = await runJson(home, ['import', many, '--progress'], {
      onStderr: (child, chunk) => {
        if (!sent && /\d+\/60/.test(chunk)) {
          sent = true;
          child.kill('SIGINT');
        }
      },
    });
    expect(sent).toBe(true);
    expect(r.code).toBe(130);
    expect(r.json).toMatchObject({ status: 'cancelled', total: 60, failed: [] });
    expect(r.json.imported).toBeLessThan(60);
    expect(r.stderr).toMatch(/clearframe: The import was cancelled; run the same import again to finish it\.\n$/);

    const resumed = await runJson(home, ['import', many]);
    expect(resumed.code).toBe(0);
    expect(resumed.json).toMatchObject({ status: 'done', batch: r.json.batch, imported: 60, duplicates: 0 });
  });
});

describe('media list and media set', () => {
  it('lists media with the public fields, filtered', async () => {
    const all = await runJson(home, ['media', 'list']);
    expect(all.code).toBe(0);
    expect(all.json).toHaveLength(65);
    const clip = all.json.find((m: { name: string }) => m.name === 'clip.mp4');
    expect(clip).toEqual({
      id: expect.any(Number),
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      kind: 'video',
      name: 'clip.mp4',
      mime: 'video/mp4',
      byte_size: expect.any(Number),
      width: 64,
      height: 48,
      duration_s: expect.closeTo(1, 0),
      captured_at: null,
      imported_at: expect.any(String),
      creator: null,
      rights_holder: null,
      license: 'unknown',
      credit: null,
      event: null,
      school: null,
      batch: expect.any(Number),
      warnings: [],
    });
    const videos = await runJson(home, ['media', 'list', '--kind', 'video']);
    expect(videos.json.map((m: { name: string }) => m.name)).toEqual(['clip.mp4']);
    const photos = await runJson(home, ['media', 'list', '--kind', 'photo', '--limit', '3']);
    expect(photos.json).toHaveLength(3);
    expect(photos.json.every((m: { kind: string }) => m.kind === 'photo')).toBe(true);
    const oak = await runJson(home, ['media', 'list', '--school', 'oak']);
    expect(oak.json.map((m: { name: string }) => m.name)).toEqual(['d.jpg']);
  });

  it('sets the rights fields by sha256 or id, and an empty value clears one', async () => {
    const [first] = (await runJson(home, ['media', 'list', '--kind', 'video'])).json;
    const set = await runJson(home, [
      'media', 'set', first.sha256,
      '--creator', 'Kees Bakker', '--rights-holder', 'Oak School', '--license', 'cc_by', '--credit', 'Video: Kees Bakker', '--event', 'Open day',
    ]);
    expect(set.code).toBe(0);
    expect(set.json).toMatchObject({
      id: first.id,
      creator: 'Kees Bakker',
      rights_holder: 'Oak School',
      license: 'cc_by',
      credit: 'Video: Kees Bakker',
      event: 'Open day',
    });
    const cleared = await runJson(home, ['media', 'set', String(first.id), '--credit', '']);
    expect(cleared.json).toMatchObject({ creator: 'Kees Bakker', credit: null });
    const listed = (await runJson(home, ['media', 'list', '--kind', 'video'])).json[0];
    expect(listed).toMatchObject({ creator: 'Kees Bakker', rights_holder: 'Oak School', license: 'cc_by', credit: null });
  });

  it.each([
    [['media', 'set', 'f'.repeat(64), '--creator', 'X'], 1, 'not_found'],
    [['media', 'set', '999999', '--creator', 'X'], 1, 'not_found'],
    [['media', 'set', '1', '--license', 'gpl'], 2, 'invalid_input'],
    [['media', 'set', '1'], 2, 'invalid_input'],
    [['media', 'list', '--from', '2025-13-01'], 2, 'invalid_input'],
    [['media', 'list', '--from', '2025-06-01', '--to', '2025-01-01'], 2, 'invalid_input'],
  ])('refuses %j with exit %i and a sentence', async (args, code, errorCode) => {
    const r = await runJson(home, args);
    expect(r.code).toBe(code);
    expect(r.json.error.code).toBe(errorCode);
    expect(r.stderr).toMatch(sentencePattern);
  });

  it('status counts the media', async () => {
    expect((await runJson(home, ['status'])).json).toMatchObject({ media: 65, people: 1, integrity: 'ok' });
  });
});
