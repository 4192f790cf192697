import { mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { createHandlers } from '../../electron/core/api/handlers';
import { browseFolder } from '../../electron/core/media/browse-files';
import { startMediaImport } from '../../electron/core/media/import-service';
import { resolveMediaFile } from '../../electron/core/media/media-files';
import type { ImportBatchReport } from '../../shared/contract/media';
import { actor, goodFixtures, sha256, tempLibrary } from './media-test-kit';

let t: ReturnType<typeof tempLibrary>;
beforeEach(() => {
  t = tempLibrary();
});
afterEach(() => t.cleanup());

async function importOne(name: string): Promise<number> {
  await startMediaImport(t.lib, actor, [join(goodFixtures, name)]).done;
  const row = t.lib.db.prepare('SELECT id FROM media WHERE name = ?').get(name) as { id: number };
  return row.id;
}

describe('media files by id', () => {
  it('serves thumbnail, a JPEG preview made on demand, and the original', async () => {
    const id = await importOne('photo.heic');
    const thumb = await resolveMediaFile(t.lib, 'thumb', id);
    expect(thumb.mime).toBe('image/jpeg');
    const preview = await resolveMediaFile(t.lib, 'preview', id);
    expect(preview.path.startsWith(t.lib.paths.previews)).toBe(true);
    const meta = await sharp(preview.path).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 320, 240]);
    expect((await resolveMediaFile(t.lib, 'preview', id)).path).toBe(preview.path);
    const original = await resolveMediaFile(t.lib, 'original', id);
    expect(original.mime).toBe('image/heic');
    expect(sha256(original.path)).toBe(sha256(join(goodFixtures, 'photo.heic')));
  });

  it('previews a photo upright and a video as its poster frame', async () => {
    const photo = await importOne('orientation-6-gps.jpg');
    const upright = await sharp((await resolveMediaFile(t.lib, 'preview', photo)).path).metadata();
    expect([upright.width, upright.height]).toEqual([480, 640]);
    const video = await importOne('rotated.mov');
    const poster = await resolveMediaFile(t.lib, 'preview', video);
    expect(poster.mime).toBe('image/jpeg');
    const posterMeta = await sharp(poster.path).metadata();
    expect([posterMeta.width, posterMeta.height]).toEqual([120, 160]);
    expect((await resolveMediaFile(t.lib, 'original', video)).mime).toBe('video/quicktime');
  });

  it('refuses ids that are not positive whole numbers, and unknown ids', async () => {
    for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60]) {
      await expect(resolveMediaFile(t.lib, 'original', bad)).rejects.toMatchObject({ code: 'invalid_input' });
    }
    await expect(resolveMediaFile(t.lib, 'thumb', 42)).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('files.browse', () => {
  it('lists subfolders first, then importable files, without hidden entries, with a parent', async () => {
    const dir = join(t.scratch, 'pick');
    mkdirSync(join(dir, 'Trip'), { recursive: true });
    mkdirSync(join(dir, '.cache'));
    for (const f of ['b.JPG', 'a.mov', 'notes.txt', '.hidden.jpg']) writeFileSync(join(dir, f), 'x');
    const listing = await browseFolder(dir);
    expect(listing.path).toBe(dir);
    expect(listing.parent).toBe(t.scratch);
    expect(listing.entries).toEqual([
      { name: 'Trip', path: join(dir, 'Trip'), kind: 'dir' },
      { name: 'a.mov', path: join(dir, 'a.mov'), kind: 'file' },
      { name: 'b.JPG', path: join(dir, 'b.JPG'), kind: 'file' },
    ]);
  });

  it('starts in the home folder, has no parent at the root, and names missing folders', async () => {
    expect((await browseFolder()).path).toBe(homedir());
    expect((await browseFolder('/')).parent).toBeNull();
    await expect(browseFolder(join(t.scratch, 'nope'))).rejects.toMatchObject({ code: 'not_found' });
    writeFileSync(join(t.scratch, 'file.jpg'), 'x');
    await expect(browseFolder(join(t.scratch, 'file.jpg'))).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('media commands through the contract', () => {
  it('starts an import as a job and reports its batch', async () => {
    const handlers = createHandlers(t.lib);
    const started = await dispatch(handlers, 'media.import', { paths: [goodFixtures], defaults: { license: 'school_owned' } }, actor);
    expect(started).toMatchObject({ ok: true, value: { jobId: expect.any(Number), batchId: expect.any(Number) } });
    const { jobId, batchId } = (started as { value: { jobId: number; batchId: number } }).value;
    await new Promise<void>((done) => {
      const stop = t.lib.events.onAny(() => finished());
      const finished = () => {
        if (t.lib.jobs.list().find((j) => j.id === jobId)?.status === 'running') return;
        stop();
        done();
      };
      finished();
    });
    const batch = await dispatch(handlers, 'media.batch', { batchId }, actor);
    expect(batch).toMatchObject({ ok: true, value: { id: batchId, status: 'done', failed: [] } });
    const batches = (await dispatch(handlers, 'media.batches', {}, actor)) as { ok: true; value: ImportBatchReport[] };
    expect(batches.value.map((b) => b.id)).toEqual([batchId]);
    const missing = await dispatch(handlers, 'media.import', { paths: [join(t.scratch, 'missing')] }, actor);
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const got = await dispatch(handlers, 'media.get', { media: '1' }, actor);
    expect(got).toMatchObject({ ok: true, value: { id: 1, license: 'school_owned', classIds: [] } });
  });
});
