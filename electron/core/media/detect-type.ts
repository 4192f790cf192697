import type { UnsupportedKind } from '../../../shared/domain/import-failure-reasons';
import type { MediaKind } from '../../../shared/types';

export interface MediaType {
  kind: MediaKind;
  /** Stored file extension, without the dot. */
  ext: string;
  mime: string;
  /** The format's plain name, for messages and the detail view. */
  label: string;
}

/** Enough bytes for every signature below, including an ftyp box with a long brand list. */
export const sniffLength = 64;

const jpeg: MediaType = { kind: 'photo', ext: 'jpg', mime: 'image/jpeg', label: 'JPEG' };
const png: MediaType = { kind: 'photo', ext: 'png', mime: 'image/png', label: 'PNG' };
const webp: MediaType = { kind: 'photo', ext: 'webp', mime: 'image/webp', label: 'WebP' };
const tiff: MediaType = { kind: 'photo', ext: 'tiff', mime: 'image/tiff', label: 'TIFF' };
const heic: MediaType = { kind: 'photo', ext: 'heic', mime: 'image/heic', label: 'HEIC' };
const heif: MediaType = { kind: 'photo', ext: 'heif', mime: 'image/heif', label: 'HEIF' };
const mp4: MediaType = { kind: 'video', ext: 'mp4', mime: 'video/mp4', label: 'MP4' };
const m4v: MediaType = { kind: 'video', ext: 'm4v', mime: 'video/x-m4v', label: 'M4V' };
const mov: MediaType = { kind: 'video', ext: 'mov', mime: 'video/quicktime', label: 'QuickTime (MOV)' };
const webm: MediaType = { kind: 'video', ext: 'webm', mime: 'video/webm', label: 'WebM' };

const storedTypes = new Map([jpeg, png, webp, tiff, heic, heif, mp4, m4v, mov, webm].map((t) => [t.ext, t]));

/** The type of a file already in the store, from the extension import gave it after sniffing. */
export function storedMediaType(ext: string): MediaType | undefined {
  return storedTypes.get(ext);
}

const heicBrands = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs']);
const heifBrands = new Set(['mif1', 'msf1', 'mif2']);
const m4vBrands = new Set(['M4V ', 'M4VH', 'M4VP']);
const mp4Brands = new Set(['isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'dash', 'mp71', 'MSNV', 'XAVC', 'f4v ']);
/** QuickTime files from older cameras have no ftyp box and start straight with one of these atoms. */
const bareQuickTimeAtoms = new Set(['moov', 'mdat', 'wide', 'free', 'skip', 'pnot']);

/**
 * What a file holds when it is not something ClearFrame reads: named in the error so the user knows why;
 * `unsupported` in the English sentence, `what` (and the MP4 `brand`) for the UI's own language.
 */
export type Unsupported = { unsupported: string; what: UnsupportedKind; brand?: string };

function ascii(bytes: Buffer, start: number, end: number): string {
  return bytes.subarray(start, Math.min(end, bytes.length)).toString('latin1');
}

function isoBmff(bytes: Buffer): MediaType | Unsupported {
  const boxSize = bytes.readUInt32BE(0);
  const major = ascii(bytes, 8, 12);
  const brands = [major];
  for (let at = 16; at + 4 <= Math.min(boxSize, bytes.length); at += 4) brands.push(ascii(bytes, at, at + 4));
  if (brands.includes('avif') || brands.includes('avis')) return { unsupported: 'an AVIF image', what: 'avif' };
  if (heicBrands.has(major) || (heifBrands.has(major) && brands.some((b) => heicBrands.has(b)))) return heic;
  if (heifBrands.has(major)) return heif;
  if (major === 'qt  ') return mov;
  if (m4vBrands.has(major)) return m4v;
  if (mp4Brands.has(major) || major.startsWith('3g')) return mp4;
  if (major === 'M4A ' || major === 'M4B ') return { unsupported: 'an audio file', what: 'audio' };
  if (major === 'crx ') return { unsupported: 'a Canon raw file', what: 'canon_raw' };
  return { unsupported: `an MP4-family file of type "${major.trim()}"`, what: 'mp4_family', brand: major.trim() };
}

function ebml(bytes: Buffer): MediaType | Unsupported {
  // The DocType element (0x4282) names the flavour: WebM plays in browsers, plain Matroska often does not.
  const header = ascii(bytes, 4, bytes.length);
  if (header.includes('webm')) return webm;
  return { unsupported: 'a Matroska (MKV) video; convert it to MP4 or WebM first', what: 'matroska' };
}

/** TIFF-shaped camera raw formats; their first image is a small embedded preview, not the photo. */
const rawExtensions = new Set(['dng', 'nef', 'nrw', 'arw', 'srf', 'sr2', 'orf', 'rw2', 'pef', 'srw', '3fr', 'erf', 'kdc', 'mos', 'iiq']);

/**
 * Reads the type from the file's first bytes; the extension is never trusted to say what a file is,
 * only (for TIFF-shaped files) to recognise camera raw formats that share TIFF's signature.
 */
export function detectMediaType(bytes: Buffer, fileName = ''): MediaType | Unsupported {
  const b = bytes;
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return jpeg;
  if (b.length >= 8 && b.readUInt32BE(0) === 0x89504e47 && b.readUInt32BE(4) === 0x0d0a1a0a) return png;
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return webp;
  if (b.length >= 4 && (ascii(b, 0, 4) === 'II*\0' || ascii(b, 0, 4) === 'MM\0*')) {
    // Canon CR2 is TIFF-shaped but holds raw sensor data.
    if (ascii(b, 8, 10) === 'CR') return { unsupported: 'a Canon raw file', what: 'canon_raw' };
    const ext = fileName.toLowerCase().split('.').pop() ?? '';
    if (rawExtensions.has(ext)) return { unsupported: 'a camera raw file; export it as JPEG or TIFF first', what: 'camera_raw' };
    return tiff;
  }
  if (b.length >= 12 && ascii(b, 4, 8) === 'ftyp') return isoBmff(b);
  if (b.length >= 8 && bareQuickTimeAtoms.has(ascii(b, 4, 8))) return mov;
  if (b.length >= 4 && b.readUInt32BE(0) === 0x1a45dfa3) return ebml(b);
  if (ascii(b, 0, 4) === 'GIF8') return { unsupported: 'a GIF image', what: 'gif' };
  if (ascii(b, 0, 2) === 'BM') return { unsupported: 'a BMP image', what: 'bmp' };
  if (ascii(b, 0, 4) === '%PDF') return { unsupported: 'a PDF document', what: 'pdf' };
  if (ascii(b, 0, 4) === 'PK\x03\x04') return { unsupported: 'a ZIP archive or Office document', what: 'zip' };
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'AVI ') return { unsupported: 'an AVI video; convert it to MP4 first', what: 'avi' };
  if (looksLikeText(b)) return { unsupported: 'a text file', what: 'text' };
  return { unsupported: 'an unknown file type', what: 'unknown' };
}

function looksLikeText(b: Buffer): boolean {
  if (b.length === 0) return false;
  for (const byte of b) {
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) return false;
  }
  return true;
}

export function isUnsupported(t: MediaType | Unsupported): t is Unsupported {
  return 'unsupported' in t;
}

/** For listing folders only (the picker shows what an import would likely take); import itself sniffs bytes. */
export const importableExtensions = new Set(['jpg', 'jpeg', 'jpe', 'png', 'webp', 'tif', 'tiff', 'heic', 'heif', 'hif', 'mp4', 'm4v', 'mov', 'webm']);
