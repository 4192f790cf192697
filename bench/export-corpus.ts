import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import type { FaceBox } from '../shared/types';
import { composeScene, facesFixtureDir, portraits, randomScene } from './faces-compose';
import { seededRandom } from './seeded-random';

/**
 * The export benchmark's media, made once and kept in the temp folder: 12-megapixel photos with several
 * public-domain faces (adults) at known places, and a 60 s 1080p30 video of three of those faces moving
 * across a still with camera-like grain and a tone for sound. Generating is slow; the bench is not.
 */
const run = promisify(execFile);
export const corpusDir = join(tmpdir(), 'clearframe-bench-export-v1');

export interface CorpusPhoto {
  path: string;
  faces: FaceBox[];
}

export interface CorpusVideo {
  path: string;
  width: number;
  height: number;
  fps: number;
  durationS: number;
  /** Each face's box sampled twice a second, as the detector samples video. */
  tracks: { time: number; box: FaceBox }[][];
}

const scenes = 25;

/**
 * `count` photos from `scenes` composed scenes: each scene is written several times with a different
 * JPEG comment, so every file is its own media item (its own sha256) while only 25 are composed.
 * Export work (decode, redact, encode, metadata) does not depend on whether two files look alike.
 */
export async function corpusPhotos(count: number): Promise<CorpusPhoto[]> {
  const dir = join(corpusDir, 'photos');
  mkdirSync(dir, { recursive: true });
  const index = join(dir, `index-${count}.json`);
  if (existsSync(index)) return JSON.parse(readFileSync(index, 'utf8')) as CorpusPhoto[];
  const rand = seededRandom(4);
  const composed: { jpeg: Buffer; faces: FaceBox[] }[] = [];
  for (let s = 0; s < scenes; s++) {
    const spec = randomScene(rand, 4000, 3000, 3 + (s % 4), 150, 500);
    const { jpeg, faces } = await composeScene({ ...spec, quality: 90 });
    composed.push({ jpeg, faces: faces.map((f) => ({ x: f.x / 4000, y: f.y / 3000, w: f.w / 4000, h: f.h / 3000 })) });
    process.stderr.write(`\rcomposing scenes ${s + 1}/${scenes}`);
  }
  process.stderr.write('\n');
  const photos = Array.from({ length: count }, (_, i) => {
    const scene = composed[i % scenes]!;
    const path = join(dir, `photo-${String(i).padStart(4, '0')}.jpg`);
    const note = Buffer.from(`clearframe export bench ${i}`);
    const comment = Buffer.concat([Buffer.from([0xff, 0xfe, (note.length + 2) >> 8, (note.length + 2) & 0xff]), note]);
    writeFileSync(path, Buffer.concat([scene.jpeg.subarray(0, 2), comment, scene.jpeg.subarray(2)]));
    return { path, faces: scene.faces };
  });
  writeFileSync(index, JSON.stringify(photos));
  return photos;
}

interface Mover {
  portrait: number;
  faceHeight: number;
  /** Where the face's top-left corner is at time t, in pixels. */
  x: (t: string) => string;
  y: (t: string) => string;
  at: (t: number) => { x: number; y: number };
}

const movers: Mover[] = [
  { portrait: 0, faceHeight: 220, x: (t) => `300+500*sin(${t}/6)`, y: () => '200', at: (t) => ({ x: 300 + 500 * Math.sin(t / 6), y: 200 }) },
  { portrait: 2, faceHeight: 180, x: (t) => `1300-400*sin(${t}/5)`, y: (t) => `300+150*sin(${t}/4)`, at: (t) => ({ x: 1300 - 400 * Math.sin(t / 5), y: 300 + 150 * Math.sin(t / 4) }) },
  { portrait: 3, faceHeight: 140, x: (t) => `200+25*${t}`, y: () => '700', at: (t) => ({ x: 200 + 25 * t, y: 700 }) },
];

export async function corpusVideo(): Promise<CorpusVideo> {
  const [width, height, fps, durationS] = [1920, 1080, 30, 60];
  const dir = join(corpusDir, 'video');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'three-faces-1080p30-60s.mp4');
  const patches: { file: string; offset: { x: number; y: number }; face: { w: number; h: number } }[] = [];
  for (const [i, m] of movers.entries()) {
    const p = portraits[m.portrait]!;
    const [fx, fy, fw, fh] = p.face;
    const meta = await sharp(join(facesFixtureDir, p.file)).metadata();
    const left = Math.max(0, Math.round(fx - fw * 0.45));
    const top = Math.max(0, Math.round(fy - fh * 0.3));
    const right = Math.min(meta.width, Math.round(fx + fw * 1.45));
    const bottom = Math.min(meta.height, Math.round(fy + fh * 1.3));
    const scale = m.faceHeight / fh;
    const file = join(dir, `patch-${i}.png`);
    await sharp(join(facesFixtureDir, p.file))
      .extract({ left, top, width: right - left, height: bottom - top })
      .resize(Math.round((right - left) * scale), Math.round((bottom - top) * scale))
      .removeAlpha()
      .png()
      .toFile(file);
    patches.push({ file, offset: { x: (fx - left) * scale, y: (fy - top) * scale }, face: { w: fw * scale, h: fh * scale } });
  }
  if (!existsSync(path)) {
    const background = join(dir, 'background.png');
    await sharp(join(facesFixtureDir, 'coffee.png')).resize(width, height, { fit: 'cover' }).png().toFile(background);
    const overlays = movers
      .map((m, i) => `[${i === 0 ? 'bg' : `l${i}`}][${i + 1}:v]overlay=x='${m.x('t')}':y='${m.y('t')}'${i === movers.length - 1 ? ',format=yuv420p[v]' : `[l${i + 1}]`}`)
      .join(';');
    const partial = `${path}.partial.mp4`;
    process.stderr.write('encoding the 60 s 1080p30 video with three moving faces…\n');
    await run('ffmpeg', [
      ...['-v', 'error', '-y', '-loop', '1', '-framerate', String(fps), '-i', background],
      ...patches.flatMap((p) => ['-loop', '1', '-framerate', String(fps), '-i', p.file]),
      ...['-f', 'lavfi', '-i', `sine=frequency=330:sample_rate=48000:duration=${durationS}`],
      ...['-filter_complex', `[0:v]noise=alls=6:allf=t[bg];${overlays}`],
      ...['-map', '[v]', '-map', `${patches.length + 1}:a`, '-t', String(durationS), '-r', String(fps)],
      ...['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '20', '-c:a', 'aac', '-b:a', '128k', partial],
    ]);
    renameSync(partial, path);
  }
  const tracks = movers.map((m, i) =>
    Array.from({ length: durationS * 2 }, (_, k) => {
      const time = k / 2;
      const { x, y } = m.at(time);
      const p = patches[i]!;
      return { time, box: { x: (x + p.offset.x) / width, y: (y + p.offset.y) / height, w: p.face.w / width, h: p.face.h / height } };
    }),
  );
  return { path, width, height, fps, durationS, tracks };
}
