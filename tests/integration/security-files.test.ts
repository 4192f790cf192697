import { lstatSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../electron/core/library';
import { contentPath } from '../../electron/core/library-paths';
import { resolveMediaFile } from '../../electron/core/media/media-files';
import { runJson, tempRoot } from './cli-run';

/**
 * Library files hold personal data (names, consent, photos of children): every folder ClearFrame makes in
 * the library is owner-only (0700) and every file owner read/write (0600), whatever the umask, including the
 * database with its WAL, the media store, thumbnails, previews, backups and the snapshot before a migration.
 */
const t = tempRoot('cf-security-files-');
const good = resolve(__dirname, '../fixtures/media/good');
let mediaId = 0;

function walk(dir: string): { path: string; mode: number; dir: boolean }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const s = lstatSync(path);
    const here = { path, mode: s.mode & 0o777, dir: s.isDirectory() };
    return s.isDirectory() ? [here, ...walk(path)] : [here];
  });
}

beforeAll(async () => {
  const imported = await runJson(t.home, ['import', join(good, 'photo.webp'), join(good, 'clip.mp4'), join(good, 'orientation-6-gps.jpg')]);
  expect(imported.json).toMatchObject({ imported: 3, failed: [] });
  mediaId = (await runJson(t.home, ['media', 'list'])).json[0].id;
  expect((await runJson(t.home, ['backup', '--with-media'])).code).toBe(0);
  const lib = openLibrary(t.home);
  try {
    await resolveMediaFile(lib, 'preview', mediaId);
  } finally {
    lib.close();
  }
}, 120_000);
afterAll(() => t.remove());

describe('library files are owner-only', () => {
  it('every folder 0700 and every file 0600, with a umask that lets others read (as most systems start processes)', () => {
    expect(process.umask() & 0o077).not.toBe(0o077);
    const entries = walk(t.home);
    const kinds = new Set(entries.map((e) => relative(t.home, e.path).split('/')[0]));
    for (const expected of ['library.sqlite', 'store', 'thumbs', 'previews', 'backups']) expect(kinds).toContain(expected);
    expect(entries.filter((e) => relative(t.home, e.path).startsWith('backups/') && !e.dir).length).toBeGreaterThan(2);
    const open = entries.filter((e) => (e.dir ? e.mode !== 0o700 : e.mode & 0o077));
    expect(open.map((e) => `${relative(t.home, e.path)} ${e.mode.toString(8)}`)).toEqual([]);
  });
});

describe('the media protocol resolves library ids only', () => {
  it('gives a path inside the library store for an id, and refuses anything that is not a positive whole id', async () => {
    const lib = openLibrary(t.home);
    try {
      const media = lib.repos.media.get(mediaId)!;
      const original = await resolveMediaFile(lib, 'original', mediaId);
      expect(original.path).toBe(contentPath(lib.paths.store, media.sha256, `.${media.ext}`));
      expect(relative(lib.paths.store, original.path).startsWith('..')).toBe(false);
      for (const bad of [0, -1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 2]) {
        await expect(resolveMediaFile(lib, 'original', bad), String(bad)).rejects.toMatchObject({ code: 'invalid_input' });
      }
      await expect(resolveMediaFile(lib, 'thumb', 999_999)).rejects.toMatchObject({ code: 'not_found' });
    } finally {
      lib.close();
    }
  });
});
