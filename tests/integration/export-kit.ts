import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { localAdmin } from '../../electron/core/api/context';
import type { Library } from '../../electron/core/library';
import { startMediaImport } from '../../electron/core/media/import-service';
import { tempLibrary, type TempLibrary } from '../helpers/temp-library';
import type { ConsentGiver, ConsentStatus, FaceBox, FaceState, License, Person } from '../../shared/types';

/**
 * Helpers for the export tests: a library with imported fixture media, faces placed at known boxes
 * (as a reviewer would have confirmed them) and consent records. The portraits are public-domain
 * photos of adults (two public figures and an astronaut), not of children.
 */

const here = dirname(fileURLToPath(import.meta.url));
export const facesDir = resolve(here, '../fixtures/faces');
/** The IPTC reference image is read from ../shared, never copied into this repository. */
export const iptcReference = resolve(here, '../../../shared/fixtures/metadata/IPTC-PhotometadataRef-Std2024.1.jpg');

/** Face boxes in two_people.jpg (1126 x 661), left to right, from face-api's SSD (as in make-collage.js). */
export const twoPeopleFaces: FaceBox[] = [
  { x: 235 / 1126, y: 22 / 661, w: 143 / 1126, h: 193 / 661 },
  { x: 793 / 1126, y: 37 / 661, w: 139 / 1126, h: 209 / 661 },
];

export type ExportTestLibrary = TempLibrary;

export const exportLibrary = (prefix = 'cf-export-'): ExportTestLibrary => tempLibrary(prefix);

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Imports files through the real import and returns their media ids, in the order given. */
export async function importMedia<T extends string[]>(lib: Library, paths: [...T], license: License = 'school_owned'): Promise<{ [K in keyof T]: number }> {
  const report = await startMediaImport(lib, localAdmin, paths, { license, creator: 'Jane Photographer', rightsHolder: null, credit: null }).done;
  if (report.failed.length > 0) throw new Error(`import failed: ${JSON.stringify(report.failed)}`);
  return paths.map((p) => lib.repos.media.getBySha(sha256(p))!.id) as { [K in keyof T]: number };
}

/** Records that detection ran (so the decision knows who is in the media) without running the detector. */
export function markDetected(lib: Library, mediaId: number): void {
  lib.repos.faces.saveDetection({ mediaId, modelVersion: 'test', settingsKey: 'test', detectedAt: new Date().toISOString(), facesFound: 0, error: null });
}

export function addFace(
  lib: Library,
  mediaId: number,
  box: FaceBox,
  review: { state: FaceState; personId?: number | null; suggestedPersonId?: number | null } = { state: 'unreviewed' },
  track: { time: number; box: FaceBox }[] | null = null,
): number {
  const trackId = track ? lib.repos.faces.insertTrack(mediaId, track.map((s) => ({ ...s, score: 0.9 }))) : null;
  const id = lib.repos.faces.insert({ mediaId, box, score: 0.9, source: 'manual', trackId, time: track ? track[0]!.time : null, modelVersion: null, importedName: null });
  if (review.state !== 'unreviewed') {
    lib.repos.faces.review(id, { state: review.state, personId: review.personId ?? null, suggestedPersonId: review.suggestedPersonId ?? null, suggestionDistance: null }, 'tester');
  }
  return id;
}

let people = 0;
export function addPerson(lib: Library, fields: Partial<Person> = {}): Person {
  people++;
  return lib.repos.people.create({
    externalId: `P${String(people).padStart(4, '0')}-${Math.random().toString(36).slice(2, 6)}`,
    firstName: 'Test',
    lastName: `Person ${people}`,
    role: 'staff',
    schoolId: null,
    classId: null,
    dateOfBirth: null,
    ...fields,
  });
}

export function addConsent(
  lib: Library,
  personId: number,
  channel: string,
  status: ConsentStatus,
  givenOn: string,
  validUntil: string | null = null,
  givenBy: ConsentGiver = 'self',
): number {
  return lib.repos.consent.append({ personId, channel, status, givenBy, givenOn, validUntil, evidence: null, note: null, source: 'manual', recordedBy: 'tester' }).id;
}

/** The pixels of a region (fractions) of an image, upright, as grey values at a fixed size for comparison. */
export async function regionGrey(image: string | Buffer, box: FaceBox, size = 64): Promise<Float64Array> {
  const img = sharp(image).rotate();
  const meta = await img.metadata();
  const W = meta.autoOrient?.width ?? meta.width!;
  const H = meta.autoOrient?.height ?? meta.height!;
  const left = Math.max(0, Math.floor(box.x * W));
  const top = Math.max(0, Math.floor(box.y * H));
  const width = Math.min(W - left, Math.ceil(box.w * W));
  const height = Math.min(H - top, Math.ceil(box.h * H));
  const raw = await img.extract({ left, top, width, height }).resize(size, size, { fit: 'fill' }).greyscale().raw().toBuffer();
  return Float64Array.from(raw);
}

/**
 * Detail left in a region: the mean absolute difference between neighbouring pixels (high-frequency
 * energy). A face has eyes, mouth and hair edges; a redacted region is smooth or flat blocks.
 */
export function detail(grey: Float64Array, size = 64): number {
  let sum = 0;
  let n = 0;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const v = grey[y * size + x]!;
      if (x + 1 < size) {
        sum += Math.abs(v - grey[y * size + x + 1]!);
        n++;
      }
      if (y + 1 < size) {
        sum += Math.abs(v - grey[(y + 1) * size + x]!);
        n++;
      }
    }
  }
  return sum / n;
}

export function meanAbsDiff(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum / a.length;
}

/** Where the face is in the moving-face video at time t (pixels of its 640 x 360 frame). */
export interface MovingFaceVideo {
  path: string;
  width: number;
  height: number;
  fps: number;
  durationS: number;
  faceAt(t: number): FaceBox;
}

/**
 * A 4 s, 25 fps video of a public-domain portrait (an adult) sliding across a plain background, with a
 * tone as sound. The face's box is known by construction at every instant: the portrait's face box in
 * obama.jpg, scaled and moved as the overlay moves it.
 */
export async function movingFaceVideo(dir: string): Promise<MovingFaceVideo> {
  const { execFileSync } = await import('node:child_process');
  const face = { x: 374, y: 109, w: 227, h: 309 };
  const crop = { left: 272, top: 16, width: 431, height: 494 };
  const patchWidth = 120;
  const scale = patchWidth / crop.width;
  const patch = join(dir, 'face-patch.png');
  await sharp(join(facesDir, 'obama.jpg')).extract(crop).resize(patchWidth).png().toFile(patch);
  const [width, height, fps, durationS, x0, speed, top] = [640, 360, 25, 4, 20, 120, 80];
  const path = join(dir, 'moving-face.mp4');
  execFileSync('ffmpeg', [
    ...['-v', 'error', '-y', '-f', 'lavfi', '-i', `color=c=0x5a6470:s=${width}x${height}:r=${fps}:d=${durationS}`],
    ...['-loop', '1', '-i', patch, '-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${durationS}`],
    ...['-filter_complex', `[0:v][1:v]overlay=x='${x0}+${speed}*t':y=${top}:shortest=1,format=yuv420p[v]`],
    ...['-map', '[v]', '-map', '2:a', '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '16', '-c:a', 'aac', '-t', String(durationS), path],
  ]);
  return {
    path,
    width,
    height,
    fps,
    durationS,
    faceAt: (t) => ({
      x: (x0 + speed * t + (face.x - crop.left) * scale) / width,
      y: (top + (face.y - crop.top) * scale) / height,
      w: (face.w * scale) / width,
      h: (face.h * scale) / height,
    }),
  };
}

/** Every frame of a video as grey pixels, in order. */
export async function videoFramesGrey(path: string, width: number, height: number): Promise<Buffer[]> {
  const { execFileSync } = await import('node:child_process');
  const raw = execFileSync('ffmpeg', ['-v', 'error', '-i', path, '-f', 'rawvideo', '-pix_fmt', 'gray', 'pipe:1'], { maxBuffer: 1 << 30 });
  const size = width * height;
  return Array.from({ length: Math.floor(raw.length / size) }, (_, i) => raw.subarray(i * size, (i + 1) * size));
}

/** A region (fractions) of a grey frame, resampled to size x size for comparison. */
export async function frameRegion(frame: Buffer, width: number, height: number, box: FaceBox, size = 64): Promise<Float64Array> {
  const left = Math.max(0, Math.floor(box.x * width));
  const top = Math.max(0, Math.floor(box.y * height));
  const w = Math.min(width - left, Math.ceil(box.w * width));
  const h = Math.min(height - top, Math.ceil(box.h * height));
  const raw = await sharp(frame, { raw: { width, height, channels: 1 } }).extract({ left, top, width: w, height: h }).resize(size, size, { fit: 'fill' }).raw().toBuffer();
  return Float64Array.from(raw);
}
