import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localAdmin } from '../../electron/core/api/context';
import { startExport } from '../../electron/core/export/export-service';
import { previewExport } from '../../electron/core/export/preview-service';
import { endExifTool } from '../../electron/core/export/exif-tool';
import { iou } from '../../electron/core/faces/box-geometry';
import { detectorPool } from '../../electron/core/faces/detector-pool';
import { defaultFaceSettings } from '../../electron/core/faces/face-settings';
import { todayIso } from '../../shared/domain/dates';
import type { FaceBox } from '../../shared/types';
import { addConsent, addFace, addPerson, detail, exportLibrary, facesDir, importMedia, markDetected, meanAbsDiff, regionGrey, sha256, twoPeopleFaces } from './export-kit';

/**
 * Photo export on real public-domain portraits of adults (two public figures): the face of a person
 * who refused is redacted so that it is no longer recognisable, by people or by ClearFrame's own
 * detector and recogniser; the face of a person with consent is left as it was.
 */
const t = exportLibrary('cf-export-photo-');
const { lib, scratch } = t;
let photo = 0;
let rotated = 0;
const [annBox, bobBox] = twoPeopleFaces as [FaceBox, FaceBox];
const today = todayIso();

beforeAll(async () => {
  // The same photo stored sideways with EXIF orientation 6, as phones do: the boxes are of the upright picture.
  const sideways = join(scratch, 'sideways.jpg');
  await sharp(join(facesDir, 'two_people.jpg')).rotate(-90).withMetadata({ orientation: 6 }).jpeg({ quality: 92 }).toFile(sideways);
  [photo, rotated] = await importMedia(lib, [join(facesDir, 'two_people.jpg'), sideways]);
  const ann = addPerson(lib, { firstName: 'Ann' }).id;
  const bob = addPerson(lib, { firstName: 'Bob' }).id;
  addConsent(lib, ann, 'website', 'granted', '2020-01-01', null);
  addConsent(lib, bob, 'website', 'refused', '2020-01-01');
  for (const id of [photo, rotated]) {
    markDetected(lib, id);
    addFace(lib, id, annBox, { state: 'person', personId: ann });
    addFace(lib, id, bobBox, { state: 'person', personId: bob });
  }
}, 60_000);
afterAll(async () => {
  await detectorPool().close();
  await endExifTool(lib);
  t.cleanup();
});

async function exportTo(dir: string, media: number[], style: 'blur' | 'pixelate' = 'blur') {
  const job = startExport(lib, localAdmin, { media: media.map(String), all: false, channel: 'website', identity: 'foundation', outDir: dir, style, removeAudio: false });
  return job.done;
}

async function faceDistance(a: string, b: string, box: FaceBox): Promise<number> {
  const pool = detectorPool();
  const [[da], [db]] = await Promise.all([pool.run({ kind: 'describe-photo', path: a, ext: 'jpg', boxes: [box] }), pool.run({ kind: 'describe-photo', path: b, ext: 'jpg', boxes: [box] })]);
  // No face could be aligned in the region at all: as unrecognisable as it gets.
  if (!da || !db) return Infinity;
  return Math.hypot(...da.map((v, i) => v - db[i]!));
}

describe.each(['blur', 'pixelate'] as const)('photo export with %s', (style) => {
  const dir = join(scratch, style);
  let file = '';

  beforeAll(async () => {
    const report = await exportTo(dir, [photo], style);
    expect(report.failed).toEqual([]);
    expect(report.exported).toHaveLength(1);
    file = report.exported[0]!.file;
  }, 60_000);

  it('writes one finished file named for identity, channel and date, and nothing else', () => {
    expect(readdirSync(dir)).toEqual([`foundation-website-${today}-1.jpg`]);
    expect(file).toBe(join(dir, `foundation-website-${today}-1.jpg`));
  });

  it('changes the refused face beyond the redaction threshold and leaves the consented face as it was', async () => {
    const original = join(facesDir, 'two_people.jpg');
    const [bobBefore, bobAfter, annBefore, annAfter] = await Promise.all([
      regionGrey(original, bobBox),
      regionGrey(file, bobBox),
      regionGrey(original, annBox),
      regionGrey(file, annBox),
    ]);
    expect(detail(bobAfter)).toBeLessThan(detail(bobBefore) * 0.35);
    expect(meanAbsDiff(bobBefore, bobAfter)).toBeGreaterThan(12);
    expect(meanAbsDiff(annBefore, annAfter)).toBeLessThan(4);
    expect(detail(annAfter)).toBeGreaterThan(detail(annBefore) * 0.8);
  });

  it("leaves no face for ClearFrame's detector where the refused face was, and still finds the other", async () => {
    const scan = await detectorPool().run({ kind: 'scan-photo', path: file, ext: 'jpg', minFacePx: defaultFaceSettings.minFacePx, minScore: defaultFaceSettings.minScore });
    expect(scan.faces.filter((f) => iou(f, bobBox) > 0.1)).toEqual([]);
    expect(scan.faces.filter((f) => iou(f, annBox) > 0.5)).toHaveLength(1);
  }, 60_000);

  it('moves the redacted face further from the original than the recogniser\'s match threshold', async () => {
    const original = join(facesDir, 'two_people.jpg');
    expect(await faceDistance(original, file, bobBox)).toBeGreaterThan(defaultFaceSettings.matchThreshold);
    // The same measurement on the unredacted face is a match: the measurement can tell the difference.
    expect(await faceDistance(original, file, annBox)).toBeLessThan(defaultFaceSettings.matchThreshold);
  }, 60_000);
});

describe('orientation', () => {
  it('applies the EXIF orientation before redacting, so the right face is redacted in an upright file', async () => {
    const dir = join(scratch, 'rotated');
    const report = await exportTo(dir, [rotated]);
    const file = report.exported[0]!.file;
    const meta = await sharp(file).metadata();
    expect([meta.width, meta.height, meta.orientation]).toEqual([1126, 661, undefined]);
    const original = join(facesDir, 'two_people.jpg');
    expect(meanAbsDiff(await regionGrey(original, annBox), await regionGrey(file, annBox))).toBeLessThan(6);
    expect(detail(await regionGrey(file, bobBox))).toBeLessThan(detail(await regionGrey(original, bobBox)) * 0.35);
  }, 60_000);
});

describe('files', () => {
  it('numbers files after those already in the folder, and the sha256 is that of the file written', async () => {
    const dir = join(scratch, 'blur');
    const report = await exportTo(dir, [photo, rotated]);
    expect(report.exported.map((e) => e.file)).toEqual([join(dir, `foundation-website-${today}-2.jpg`), join(dir, `foundation-website-${today}-3.jpg`)]);
    for (const e of report.exported) expect(e.sha256).toBe(sha256(e.file));
    expect(readdirSync(dir).filter((f) => f.includes('partial'))).toEqual([]);
  }, 60_000);

  it('writes no file at all when the export is cancelled', async () => {
    const dir = join(scratch, 'cancelled');
    const job = startExport(lib, localAdmin, { media: [String(photo), String(rotated)], all: false, channel: 'website', identity: 'foundation', outDir: dir, style: 'blur', removeAudio: false });
    lib.jobs.cancel(job.jobId);
    await expect(job.done).rejects.toThrow(/cancelled/);
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
    expect(lib.repos.publications.list({}, today).every((p) => p.files.every((f) => !f.fileName.startsWith(dir)))).toBe(true);
  });
});

describe('preview', () => {
  it('shows exactly the pixels the export writes', async () => {
    const preview = await previewExport(lib, { media: String(photo), channel: 'website', identity: 'foundation', style: 'pixelate' });
    expect(preview.decision.decision).toBe('redact');
    const report = await exportTo(join(scratch, 'preview'), [photo], 'pixelate');
    const [shown, written] = await Promise.all([
      sharp(Buffer.from(preview.image!.split(',')[1]!, 'base64')).raw().toBuffer(),
      sharp(report.exported[0]!.file).raw().toBuffer(),
    ]);
    expect(shown.equals(written)).toBe(true);
  }, 60_000);
});
