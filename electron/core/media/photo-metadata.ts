import exifr from 'exifr';
import { embeddedRegions, type EmbeddedRegion } from './embedded-regions';
import { asArray, block, finiteNumber, isRecord, metadataDate, text, texts } from './metadata-values';

/** Rights and people fields already in the file. Shown in the detail view; never copied into exports. */
export interface EmbeddedRights {
  creator: string[];
  copyrightNotice: string | null;
  copyrightOwner: string[];
  creditLine: string | null;
  usageTerms: string | null;
  webStatement: string | null;
  personsShown: string[];
  event: string | null;
  regions: EmbeddedRegion[];
}

export interface PhotoMetadata {
  capturedAt: string | null;
  cameraMake: string | null;
  cameraModel: string | null;
  orientation: number | null;
  /** Whether the file carries a location. The coordinates themselves are never stored. */
  hasGps: boolean;
  embedded: EmbeddedRights;
  warnings: string[];
}

const exifrOptions = {
  tiff: true,
  exif: true,
  gps: true,
  ifd1: false,
  interop: false,
  iptc: true,
  xmp: true,
  icc: false,
  jfif: false,
  ihdr: false,
  multiSegment: true,
  mergeOutput: false,
  translateKeys: true,
  translateValues: false,
  reviveValues: false,
} as const;

function hasLocation(parsed: Record<string, unknown>): boolean {
  const gps = block(parsed, 'gps');
  const xmpExif = block(parsed, 'exif');
  if (gps.GPSLatitude !== undefined || gps.GPSLongitude !== undefined) return true;
  if (xmpExif.GPSLatitude !== undefined || xmpExif.GPSLongitude !== undefined) return true;
  const ext = block(parsed, 'Iptc4xmpExt');
  return [...asArray(ext.LocationCreated), ...asArray(ext.LocationShown)].some((l) => isRecord(l) && l.GPSLatitude !== undefined);
}

function rights(parsed: Record<string, unknown>, size: { width: number; height: number }): EmbeddedRights {
  const dc = block(parsed, 'dc');
  const iptc = block(parsed, 'iptc');
  const ifd0 = block(parsed, 'ifd0');
  const photoshop = block(parsed, 'photoshop');
  const xmpRights = block(parsed, 'xmpRights');
  const plus = block(parsed, 'plus');
  const ext = block(parsed, 'Iptc4xmpExt');
  const creator = texts(dc.creator);
  return {
    creator: creator.length > 0 ? creator : texts(iptc.Byline).length > 0 ? texts(iptc.Byline) : texts(ifd0.Artist),
    copyrightNotice: text(dc.rights) ?? text(iptc.CopyrightNotice) ?? text(ifd0.Copyright) ?? null,
    copyrightOwner: asArray(plus.CopyrightOwner)
      .map((o) => (isRecord(o) ? text(o.CopyrightOwnerName) : undefined))
      .filter((s): s is string => s !== undefined),
    creditLine: text(photoshop.Credit) ?? text(iptc.Credit) ?? null,
    usageTerms: text(xmpRights.UsageTerms) ?? null,
    webStatement: text(xmpRights.WebStatement) ?? null,
    personsShown: texts(ext.PersonInImage),
    event: text(ext.Event) ?? null,
    regions: embeddedRegions(parsed, size),
  };
}

export const noRights: EmbeddedRights = {
  creator: [],
  copyrightNotice: null,
  copyrightOwner: [],
  creditLine: null,
  usageTerms: null,
  webStatement: null,
  personsShown: [],
  event: null,
  regions: [],
};

/** exifr opens JPEG, TIFF, HEIC and PNG files itself; for WebP it gets the blocks libvips found. */
async function parseBlocks(path: string, source: PhotoSource): Promise<Record<string, unknown>> {
  if (source.ext !== 'webp') return ((await exifr.parse(path, exifrOptions)) as Record<string, unknown> | undefined) ?? {};
  const exifPrefix = Buffer.from('Exif\0\0', 'latin1');
  const tiff = source.exif && source.exif.subarray(0, 6).equals(exifPrefix) ? source.exif.subarray(6) : source.exif;
  const fromExif = tiff ? (((await exifr.parse(tiff, exifrOptions)) as Record<string, unknown> | undefined) ?? {}) : {};
  const fromXmp = source.xmp ? (((await exifr.sidecar(source.xmp, exifrOptions)) as Record<string, unknown> | undefined) ?? {}) : {};
  return { ...fromExif, ...fromXmp };
}

/** The stored file's type and its header, as read before import. */
export interface PhotoSource {
  ext: string;
  width: number;
  height: number;
  exif?: Buffer;
  xmp?: Buffer;
}

/**
 * Reads EXIF, IPTC and XMP with exifr. Damaged metadata never stops an import: what can be read is
 * kept and the rest becomes a warning on the media item. `source` gives the stored image's pixel size,
 * used to turn pixel-unit regions into fractions.
 */
export async function readPhotoMetadata(path: string, source: PhotoSource): Promise<PhotoMetadata> {
  const warnings: string[] = [];
  let parsed: Record<string, unknown> = {};
  try {
    parsed = await parseBlocks(path, source);
  } catch (err) {
    warnings.push(`The embedded metadata could not be read (${(err as Error).message}); capture date, camera and rights were not taken from the file.`);
  }
  const errors = asArray(parsed.errors);
  if (errors.length > 0) {
    const first = (errors[0] instanceof Error ? errors[0].message : String(errors[0])).split('\n')[0]!.replace(/\.$/, '');
    warnings.push(`Part of the embedded metadata is damaged and was skipped (${first.slice(0, 160)}).`);
  }
  const ifd0 = block(parsed, 'ifd0');
  const exif = block(parsed, 'exif');
  const xmp = block(parsed, 'xmp');
  const photoshop = block(parsed, 'photoshop');
  const orientation = finiteNumber(ifd0.Orientation);
  return {
    capturedAt:
      metadataDate(exif.DateTimeOriginal, exif.OffsetTimeOriginal) ??
      metadataDate(exif.CreateDate, exif.OffsetTimeDigitized) ??
      metadataDate(photoshop.DateCreated) ??
      metadataDate(xmp.CreateDate) ??
      null,
    cameraMake: text(ifd0.Make) ?? null,
    cameraModel: text(ifd0.Model) ?? null,
    orientation: orientation !== undefined && orientation >= 1 && orientation <= 8 ? orientation : null,
    hasGps: hasLocation(parsed),
    embedded: rights(parsed, source),
    warnings,
  };
}
