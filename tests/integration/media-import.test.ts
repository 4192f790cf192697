import { readdirSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportBatchReport } from '../../shared/contract/media';
import { ClearFrameError } from '../../shared/result';
import type { Library } from '../../electron/core/library';
import { contentPath } from '../../electron/core/library-paths';
import { startMediaImport } from '../../electron/core/media/import-service';
import { actor, badFixtures, copyInto, goodFixtures, iptcReference, sha256, tempLibrary } from './media-test-kit';

let t: ReturnType<typeof tempLibrary>;
beforeEach(() => {
  t = tempLibrary();
});
afterEach(() => t.cleanup());

async function importPaths(lib: Library, paths: string[], defaults = {}): Promise<ImportBatchReport> {
  return startMediaImport(lib, actor, paths, defaults).done;
}

function mediaRow(lib: Library, name: string) {
  const row = lib.db.prepare('SELECT * FROM media WHERE name = ?').get(name) as Record<string, unknown> | undefined;
  if (!row) throw new Error(`${name} was not imported`);
  return row;
}

const goodNames = readdirSync(goodFixtures).sort();

describe('importing the fixture folders', () => {
  it('imports every good file and gives each bad file one failed row with a clear reason', async () => {
    const report = await importPaths(t.lib, [goodFixtures, badFixtures]);
    expect(report.status).toBe('done');
    expect(report.imported).toBe(goodNames.length);
    expect(report.duplicates).toBe(0);
    expect(report.total).toBe(goodNames.length + readdirSync(badFixtures).length);
    const reasons = Object.fromEntries(report.failed.map((f) => [f.path.split('/').pop(), f.error]));
    expect(Object.keys(reasons).sort()).toEqual(readdirSync(badFixtures).sort());
    expect(reasons['empty.jpg']).toMatch(/empty \(0 bytes\)/);
    expect(reasons['notes.jpg']).toMatch(/not a photo or video ClearFrame can read \(it looks like a text file\)/);
    expect(reasons['animation.gif']).toMatch(/not a photo or video ClearFrame can read \(it looks like a GIF image\)/);
    expect(reasons['truncated.jpg']).toMatch(/could not be decoded .*damaged or incomplete/);
    expect(reasons['bomb.png']).toMatch(/60000 × 60000 pixels .*100-megapixel limit/);
    expect(reasons['bomb.jpg']).toMatch(/60000 × 60000 pixels .*100-megapixel limit/);
    expect(reasons['broken-moov.mp4']).toMatch(/video could not be read \(moov atom not found\)/);
    expect(t.lib.repos.media.count()).toBe(goodNames.length);
    const items = t.lib.db.prepare('SELECT status, COUNT(*) AS n FROM import_items GROUP BY status ORDER BY status').all();
    expect(items).toEqual([
      { status: 'failed', n: readdirSync(badFixtures).length },
      { status: 'imported', n: goodNames.length },
    ]);
  });

  it('copies originals unchanged into the content-addressed store, private to the owner', async () => {
    await importPaths(t.lib, [goodFixtures]);
    for (const name of goodNames) {
      const row = mediaRow(t.lib, name);
      const stored = contentPath(t.lib.paths.store, String(row.sha256), `.${String(row.ext)}`);
      expect(sha256(stored)).toBe(sha256(join(goodFixtures, name)));
      expect(row.sha256).toBe(sha256(join(goodFixtures, name)));
      expect(statSync(stored).mode & 0o777).toBe(0o600);
      expect(row.has_thumbnail).toBe(1);
      const thumb = contentPath(t.lib.paths.thumbs, String(row.sha256), '.jpg');
      expect((await sharp(thumb).metadata()).format).toBe('jpeg');
    }
    expect(readdirSync(t.lib.paths.tmp)).toEqual([]);
  });

  it('detects the type from the bytes, not the name', async () => {
    const [renamed] = copyInto(t.scratch, [{ from: join(goodFixtures, 'alpha.png'), as: 'looks-like.jpg' }]);
    const report = await importPaths(t.lib, [renamed!]);
    expect(report.imported).toBe(1);
    expect(mediaRow(t.lib, 'looks-like.jpg')).toMatchObject({ mime: 'image/png', ext: 'png' });
  });

  it('applies EXIF orientation to the dimensions and the thumbnail, and flags GPS without keeping coordinates', async () => {
    await importPaths(t.lib, [join(goodFixtures, 'orientation-6-gps.jpg')]);
    const row = mediaRow(t.lib, 'orientation-6-gps.jpg');
    expect(row).toMatchObject({
      width: 480,
      height: 640,
      orientation: 6,
      has_gps: 1,
      camera_make: 'ClearFrame',
      camera_model: 'Fixture Camera',
      captured_at: '2024-05-17T10:30:00+02:00',
      sort_at: '2024-05-17T10:30:00',
    });
    const thumb = await sharp(contentPath(t.lib.paths.thumbs, String(row.sha256), '.jpg')).metadata();
    expect([thumb.width, thumb.height]).toEqual([300, 400]);
    expect(JSON.stringify(row)).not.toMatch(/GPSLatitude|latitude|52\.08/i);
  });

  it('reads creator, copyright, credit, usage terms, persons shown and regions from the IPTC reference image', async () => {
    const report = await importPaths(t.lib, [iptcReference]);
    expect(report.imported).toBe(1);
    const row = mediaRow(t.lib, 'IPTC-PhotometadataRef-Std2024.1.jpg');
    expect(row).toMatchObject({
      creator: 'Creator1 (ref2023.2)',
      rights_holder: 'Copyright Owner Name 1 (ref2023.2); Copyright Owner Name 2 (ref2023.2)',
      credit: 'Credit Line (ref2023.2)',
      license: 'unknown',
      has_gps: 1,
    });
    const embedded = JSON.parse(String(row.embedded_metadata));
    expect(embedded.copyrightNotice).toMatch(/^Copyright \(Notice\) 2023\.2 IPTC/);
    expect(embedded.usageTerms).toBe('Rights Usage Terms (ref2023.2)');
    expect(embedded.personsShown).toEqual(['Person Shown 1 (ref2023.2)', 'Person Shown 2 (ref2023.2)']);
    expect(embedded.regions.map((r: { shape: string; name: string }) => [r.shape, r.name])).toEqual([
      ['rectangle', 'Listener 1'],
      ['circle', 'Listener 2'],
      ['polygon', 'Speaker 1'],
    ]);
    expect(embedded.regions[0]).toMatchObject({ source: 'iptc', x: 0.31, y: 0.18, w: 0.127, h: 0.385 });
  });

  it('reads MWG face regions and XMP rights, which win over the batch defaults', async () => {
    const defaults = { creator: 'School photographer', rightsHolder: 'The School', credit: 'School credit', license: 'school_owned' as const };
    await importPaths(t.lib, [join(goodFixtures, 'rights-regions.jpg'), join(goodFixtures, 'alpha.png')], defaults);
    const withRights = mediaRow(t.lib, 'rights-regions.jpg');
    expect(withRights).toMatchObject({ creator: 'Jane Fixture', rights_holder: '© 2024 Fixture School', credit: 'Photo: Fixture Credit', license: 'school_owned' });
    const regions = JSON.parse(String(withRights.embedded_metadata)).regions;
    expect(regions).toHaveLength(2);
    expect(regions[0]).toMatchObject({ source: 'mwg', type: 'Face', name: 'Alex Example', w: 0.2, h: 0.3 });
    expect(regions[0].x).toBeCloseTo(0.2);
    expect(regions[0].y).toBeCloseTo(0.25);
    expect(mediaRow(t.lib, 'alpha.png')).toMatchObject({ creator: 'School photographer', rights_holder: 'The School', credit: 'School credit', license: 'school_owned' });
  });

  it('imports a photo with damaged EXIF and records a warning instead of failing', async () => {
    const report = await importPaths(t.lib, [join(goodFixtures, 'malformed-exif.jpg')]);
    expect(report.failed).toEqual([]);
    const warnings = JSON.parse(String(mediaRow(t.lib, 'malformed-exif.jpg').warnings));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/embedded metadata is damaged/);
  });

  it('decodes HEIC through the WebAssembly decoder', async () => {
    await importPaths(t.lib, [join(goodFixtures, 'photo.heic')]);
    const row = mediaRow(t.lib, 'photo.heic');
    expect(row).toMatchObject({ mime: 'image/heic', width: 320, height: 240 });
    const thumb = await sharp(contentPath(t.lib.paths.thumbs, String(row.sha256), '.jpg')).metadata();
    expect([thumb.width, thumb.height]).toEqual([320, 240]);
  });

  it('reads videos with ffprobe: duration, audio, creation time, rotation, and a poster frame', async () => {
    await importPaths(t.lib, [join(goodFixtures, 'clip.mp4'), join(goodFixtures, 'rotated.mov'), join(goodFixtures, 'clip.webm')]);
    expect(mediaRow(t.lib, 'clip.mp4')).toMatchObject({ kind: 'video', mime: 'video/mp4', width: 160, height: 120, has_audio: 1, rotation: 0, captured_at: '2024-06-01T09:15:00.000Z' });
    expect(mediaRow(t.lib, 'clip.mp4').duration_s).toBeCloseTo(2, 1);
    const rotated = mediaRow(t.lib, 'rotated.mov');
    expect(rotated).toMatchObject({ mime: 'video/quicktime', width: 120, height: 160, rotation: 270, has_audio: 0 });
    const poster = await sharp(contentPath(t.lib.paths.thumbs, String(rotated.sha256), '.jpg')).metadata();
    expect([poster.width, poster.height]).toEqual([120, 160]);
    expect(mediaRow(t.lib, 'clip.webm')).toMatchObject({ mime: 'video/webm', has_audio: 1, has_thumbnail: 1 });
  });

  it('writes one audit entry per imported media item', async () => {
    const report = await importPaths(t.lib, [goodFixtures]);
    const entries = t.lib.repos.audit.list().filter((e) => e.action === 'media.imported');
    expect(entries).toHaveLength(report.imported);
    expect(entries[0]!.actor).toBe('tester');
  });
});

describe('duplicates', () => {
  it('imports a file found twice in one batch once and reports the other copy as a duplicate', async () => {
    const folder = join(t.scratch, 'twice');
    copyInto(folder, [
      { from: join(goodFixtures, 'photo.webp'), as: 'a.webp' },
      { from: join(goodFixtures, 'photo.webp'), as: 'b.webp' },
      { from: join(goodFixtures, 'clip.mp4'), as: 'c.mp4' },
      { from: join(goodFixtures, 'clip.mp4'), as: 'd.mp4' },
    ]);
    const report = await importPaths(t.lib, [folder]);
    expect([report.imported, report.duplicates, report.failed.length]).toEqual([2, 2, 0]);
    expect(t.lib.repos.media.count()).toBe(2);
  });

  it('never imports a file again in a later batch', async () => {
    const first = await importPaths(t.lib, [goodFixtures]);
    const copy = join(t.scratch, 'again');
    copyInto(copy, goodNames.map((n) => ({ from: join(goodFixtures, n) })));
    const second = await importPaths(t.lib, [copy]);
    expect(second.id).not.toBe(first.id);
    expect([second.imported, second.duplicates]).toEqual([0, goodNames.length]);
    expect(t.lib.repos.media.count()).toBe(goodNames.length);
    const dupTargets = t.lib.db.prepare("SELECT COUNT(DISTINCT media_id) AS n FROM import_items WHERE status = 'duplicate'").get() as { n: number };
    expect(dupTargets.n).toBe(goodNames.length);
  });

  it('starts a new batch when the same folder is imported again after a finished batch', async () => {
    const first = await importPaths(t.lib, [goodFixtures]);
    const second = await importPaths(t.lib, [goodFixtures]);
    expect(second.id).not.toBe(first.id);
    expect(second.duplicates).toBe(goodNames.length);
  });
});

describe('walking folders', () => {
  it('skips hidden files and folders and survives a symlink loop', async () => {
    const folder = join(t.scratch, 'walk');
    copyInto(join(folder, 'sub'), [{ from: join(goodFixtures, 'alpha.png') }]);
    copyInto(join(folder, '.hidden'), [{ from: join(goodFixtures, 'photo.webp') }]);
    copyInto(folder, [{ from: join(goodFixtures, 'photo.tiff'), as: '.secret.tiff' }]);
    symlinkSync(folder, join(folder, 'sub', 'loop'));
    const report = await importPaths(t.lib, [folder]);
    expect([report.total, report.imported]).toEqual([1, 1]);
  });

  it('refuses a path that does not exist before starting', () => {
    expect(() => startMediaImport(t.lib, actor, [join(t.scratch, 'missing')])).toThrow(ClearFrameError);
    expect(t.lib.repos.imports.listBatches()).toEqual([]);
  });
});
