import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExifTool } from 'exiftool-vendored';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localAdmin } from '../../electron/core/api/context';
import { startExport } from '../../electron/core/export/export-service';
import { endExifTool } from '../../electron/core/export/exif-tool';
import { updateMedia } from '../../electron/core/media/media-service';
import { exportLibrary, facesDir, importMedia, iptcReference, markDetected } from './export-kit';

/**
 * What an exported file says about itself, read back with exiftool: the attribution is there, and
 * nothing private from the original survives (GPS, serial numbers, owner names, face regions, people,
 * keywords, the EXIF thumbnail that would show the faces unredacted).
 */
const t = exportLibrary('cf-export-meta-');
const { lib, scratch } = t;
const exiftool = new ExifTool();
let reference = 0;
let doctored = 0;
let files: string[] = [];
let publicationId = 0;

/** A portrait with everything a phone or a photo manager may leave in a file. */
async function doctoredPhoto(): Promise<string> {
  const path = join(scratch, 'private.jpg');
  copyFileSync(join(facesDir, 'obama.jpg'), path);
  await sharp(path).resize(160).jpeg().toFile(join(scratch, 'thumb.jpg'));
  await exiftool.write(
    path,
    {
      GPSLatitude: 52.09,
      GPSLatitudeRef: 'N',
      GPSLongitude: 5.12,
      GPSLongitudeRef: 'E',
      SerialNumber: 'SN123456',
      OwnerName: 'Jan de Vries',
      Keywords: ['Emma Jansen'],
      RegionInfo: {
        AppliedToDimensions: { W: 940, H: 529, Unit: 'pixel' },
        RegionList: [{ Area: { X: 0.5, Y: 0.3, W: 0.2, H: 0.3, Unit: 'normalized' }, Name: 'Emma Jansen', Type: 'Face' }],
      },
    },
    { writeArgs: ['-overwrite_original', `-ThumbnailImage<=${join(scratch, 'thumb.jpg')}`] },
  );
  return path;
}

beforeAll(async () => {
  const privatePhoto = await doctoredPhoto();
  const before = await exiftool.read(privatePhoto);
  // The fixture really holds what must go, or this test would prove nothing.
  expect(before).toMatchObject({ GPSLatitude: expect.any(Number), SerialNumber: 'SN123456', OwnerName: 'Jan de Vries', ThumbnailImage: expect.anything() });
  [reference, doctored] = await importMedia(lib, [iptcReference, privatePhoto]);
  updateMedia(lib, localAdmin, String(doctored), { license: 'cc_by', rightsHolder: 'Jan de Vries', credit: 'Foto: Jan de Vries', creator: 'Jan de Vries' });
  updateMedia(lib, localAdmin, String(reference), { license: 'school_owned', rightsHolder: null, credit: null, creator: 'Anna Fotograaf' });
  markDetected(lib, reference);
  markDetected(lib, doctored);
  const report = await startExport(lib, localAdmin, {
    media: [String(reference), String(doctored)],
    all: false,
    channel: 'newsletter',
    identity: 'foundation',
    outDir: join(scratch, 'out'),
    style: 'blur',
    removeAudio: false,
  }).done;
  expect(report.exported).toHaveLength(2);
  files = report.exported.map((e) => e.file);
  publicationId = report.publicationId!;
}, 60_000);
afterAll(async () => {
  await exiftool.end();
  await endExifTool(lib);
  t.cleanup();
});

async function tagsOf(file: string): Promise<Record<string, unknown>> {
  return (await exiftool.read(file, { readArgs: ['-G1', '-a', '-s'] })) as unknown as Record<string, unknown>;
}

/** Groups an exported JPEG may hold: the file itself, the JPEG container, and the attribution we write. */
const allowedGroups = new Set(['ExifTool', 'System', 'File', 'JFIF', 'Composite', 'MWG', 'IPTC', 'XMP-x', 'XMP-dc', 'XMP-photoshop', 'XMP-xmpRights', 'XMP-xmpMM', 'XMP-plus']);
const allowedIptc = new Set(['CopyrightNotice', 'CodedCharacterSet', 'EnvelopeRecordVersion', 'ApplicationRecordVersion']);
/** exiftool's Metadata Working Group view, derived from what is written above. */
const allowedMwg = new Set(['Creator', 'Copyright']);
const privateTag = /GPS|Serial|Owner|Region|Person|Keyword|Thumbnail|Artist|By-line|City|Location|Country|Contact|Camera|Make|Model|DateTimeOriginal|Lens/i;

describe('exported metadata', () => {
  it('holds the attribution of a school-owned photo, with the DocumentID of its publication record', async () => {
    const tags = await exiftool.read(files[0]!);
    const year = new Date().getFullYear();
    expect(tags).toMatchObject({
      Creator: ['Anna Fotograaf'],
      Rights: expect.stringMatching(/^© \d{4} Foundation$/),
      CopyrightNotice: expect.stringMatching(/^© \d{4} Foundation$/),
      Credit: 'Anna Fotograaf',
      UsageTerms: 'Published by Foundation on Newsletter / school guide. No reuse without permission of Foundation.',
      Licensor: [{ LicensorName: 'Foundation' }],
      DocumentID: `urn:clearframe:export:${publicationId}:1`,
    });
    expect(Number(String(tags.Rights).slice(2, 6))).toBeLessThanOrEqual(year);
    expect((tags as Record<string, unknown>).WebStatement).toBeUndefined();
  });

  it('names the licence and its web statement for a Creative Commons photo', async () => {
    const tags = await exiftool.read(files[1]!);
    expect(tags).toMatchObject({
      Creator: ['Jan de Vries'],
      Rights: expect.stringMatching(/^© \d{4} Jan de Vries$/),
      Credit: 'Foto: Jan de Vries',
      UsageTerms: 'Licensed under CC BY 4.0; credit Foto: Jan de Vries.',
      WebStatement: 'https://creativecommons.org/licenses/by/4.0/',
      Licensor: [{ LicensorName: 'Jan de Vries' }],
      DocumentID: `urn:clearframe:export:${publicationId}:2`,
    });
  });

  it.each([0, 1])('keeps nothing private from the original (file %i)', async (i) => {
    const tags = await tagsOf(files[i]!);
    const keys = Object.keys(tags).filter((k) => k.includes(':'));
    const groups = new Set(keys.map((k) => k.split(':')[0]!));
    expect([...groups].filter((g) => !allowedGroups.has(g))).toEqual([]);
    expect(keys.filter((k) => k.startsWith('IPTC:') && !allowedIptc.has(k.slice(5)))).toEqual([]);
    expect(keys.filter((k) => k.startsWith('MWG:') && !allowedMwg.has(k.slice(4)))).toEqual([]);
    expect(keys.filter((k) => privateTag.test(k))).toEqual([]);
    // Names from the original's people fields appear nowhere, not even inside another value.
    expect(JSON.stringify(tags)).not.toMatch(/Emma Jansen|Person Shown|Listener|Jan de Vries \(|SN123456|ref2023/);
  });
});
