import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

/** Generated once and reused by later runs: making 500 twelve-megapixel photos takes minutes. */
export const cacheRoot = join(tmpdir(), 'clearframe-bench', 'import-v1');
const width = 4000;
const height = 3000;

function scene(i: number): Buffer {
  const shapes = Array.from({ length: 14 }, (_, k) => {
    const x = (k * 97 + i * 31) % 500;
    const y = (k * 57 + i * 13) % 375;
    return `<ellipse cx="${x}" cy="${y}" rx="${20 + ((k * 7 + i) % 70)}" ry="${15 + ((k * 11 + i) % 50)}" fill="hsl(${(k * 40 + i * 17) % 360},65%,${30 + k * 4}%)"/>`;
  }).join('');
  return Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="500" height="375">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="hsl(${(i * 7) % 360},60%,70%)"/><stop offset="1" stop-color="hsl(${(i * 7 + 150) % 360},50%,25%)"/>
    </linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/>${shapes}</svg>`);
}

/**
 * A camera-like 12 MP JPEG: a smooth scene (shapes on a gradient) with sensor-like noise over it, so
 * it compresses like a real photo (about 3 MB at quality 90), with the EXIF a camera writes.
 */
async function makePhoto(path: string, i: number, noise: Buffer): Promise<void> {
  const base = await sharp(scene(i)).resize(width, height).removeAlpha().raw().toBuffer();
  const day = String(1 + (i % 28)).padStart(2, '0');
  const tmp = `${path}.part`;
  await sharp(base, { raw: { width, height, channels: 3 } })
    .composite([{ input: noise, raw: { width, height, channels: 3 }, blend: 'soft-light' }])
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: 'Bench', Model: 'Camera 12', Software: 'ClearFrame bench' },
      IFD2: { DateTimeOriginal: `2024:${String(1 + (i % 12)).padStart(2, '0')}:${day} 10:${String(i % 60).padStart(2, '0')}:00` },
    })
    .toFile(tmp);
  renameSync(tmp, path);
}

const photoDir = join(cacheRoot, `photos-${width}x${height}`);
const videoDir = join(cacheRoot, 'videos-720p');

export const photoPaths = (count: number) => Array.from({ length: count }, (_, i) => join(photoDir, `IMG_${String(i).padStart(4, '0')}.jpg`));
export const videoPaths = (count: number) => Array.from({ length: count }, (_, i) => join(videoDir, `VID_${String(i).padStart(4, '0')}.mp4`));

async function makePhotos(count: number, log: (s: string) => void): Promise<void> {
  mkdirSync(photoDir, { recursive: true });
  const paths = photoPaths(count);
  const missing = paths.map((p, i) => [p, i] as const).filter(([p]) => !existsSync(p));
  if (missing.length > 0) {
    log(`generating ${missing.length} photos of ${width}x${height} in ${photoDir} (once)`);
    const noise = await sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 18 } } })
      .raw()
      .toBuffer();
    let next = 0;
    const worker = async () => {
      while (next < missing.length) {
        const [p, i] = missing[next++]!;
        await makePhoto(p, i, noise);
        if (next % 50 === 0) log(`  ${next}/${missing.length}`);
      }
    };
    await Promise.all([worker(), worker()]);
  }
}

/** Short phone-like clips: 720p H.264 with AAC sound, a few seconds each. */
function makeVideos(count: number, log: (s: string) => void): void {
  mkdirSync(videoDir, { recursive: true });
  const paths = videoPaths(count);
  if (paths.some((p) => !existsSync(p))) log(`generating up to ${count} videos in ${videoDir} (once)`);
  for (const [i, p] of paths.entries()) {
    if (existsSync(p)) continue;
    execFileSync('ffmpeg', [
      '-v', 'error', '-y',
      '-f', 'lavfi', '-i', `testsrc2=size=1280x720:rate=30:duration=${3 + (i % 3)}`,
      '-f', 'lavfi', '-i', `sine=frequency=${300 + i * 20}:duration=${3 + (i % 3)}`,
      '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest',
      '-metadata', `creation_time=2024-06-${String(1 + i).padStart(2, '0')}T09:00:00Z`,
      `${p}.part.mp4`,
    ]);
    renameSync(`${p}.part.mp4`, p);
  }
}

// Run as its own process by the import bench, so generating the corpus does not count in its memory peak.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const log = (s: string) => process.stderr.write(`${s}\n`);
  await makePhotos(Number(process.argv[2]), log);
  makeVideos(Number(process.argv[3]), log);
}
