import { chmod } from 'node:fs/promises';
import sharp, { type Sharp } from 'sharp';
import { ClearFrameError } from '../../../shared/result';
import { privateFile, publishFile, tempPath } from './content-store';
import type { MediaType } from './detect-type';
import { ffmpegPath } from './ffmpeg-paths';
import { heicToSharp } from './heic-pixels';
import { importLimits } from './limits';
import { ImportFileError } from './import-failure';
import { firstErrorLine, runTool } from './run-tool';

/** Thumbnails for the grid and previews for the detail view: always JPEG, so every browser shows them. */
export const thumbnailEdge = 400;
export const previewEdge = 1600;
const quality = 80;

function fit(img: Sharp, edge: number): Sharp {
  return img
    .resize({ width: edge, height: edge, fit: 'inside', withoutEnlargement: true, fastShrinkOnLoad: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality });
}

async function writeJpeg(img: Sharp, dest: string, tmpDir: string): Promise<{ width: number; height: number }> {
  const tmp = tempPath(tmpDir, '.jpg');
  const info = await img.toFile(tmp);
  await chmod(tmp, privateFile);
  await publishFile(tmp, dest);
  return { width: info.width, height: info.height };
}

/**
 * Renders a photo as a JPEG whose long edge is at most `edge`, with EXIF orientation applied. For JPEG
 * sources libvips decodes at 1/2, 1/4 or 1/8 size straight from the file (shrink-on-load), which is
 * what keeps the thumbnail stage close to vipsthumbnail's speed. Warnings such as stray bytes are
 * tolerated; a truncated or corrupt image fails.
 */
export async function renderPhotoJpeg(source: string, type: MediaType, edge: number, dest: string, tmpDir: string) {
  const img =
    type.ext === 'heic' || type.ext === 'heif'
      ? await heicToSharp(source)
      : sharp(source, { limitInputPixels: importLimits.pixels, failOn: 'error' }).rotate();
  try {
    return await writeJpeg(fit(img, edge), dest, tmpDir);
  } catch (err) {
    const detail = (err as Error).message.trim();
    throw new ImportFileError('invalid_input', { code: 'image_undecodable', params: { label: type.label, detail } }, `The ${type.label} image could not be decoded (${detail}): the file is damaged or incomplete.`);
  }
}

/** A frame from early in the video (10% in, at most 1 s) so fade-ins from black do not make every poster dark. */
function posterTime(durationS: number | null): number {
  return durationS ? Math.min(1, durationS * 0.1) : 0;
}

async function grabFrame(source: string, at: number, edge: number, signal?: AbortSignal): Promise<Buffer> {
  // ffmpeg rotates by the display matrix before the scale filter, so the poster is upright.
  const scale = `scale='if(gte(iw,ih),min(${edge},iw),-2)':'if(gte(iw,ih),-2,min(${edge},ih))'`;
  const result = await runTool(
    ffmpegPath(),
    ['-v', 'error', '-ss', at.toFixed(3), '-i', source, '-frames:v', '1', '-vf', scale, '-f', 'image2pipe', '-c:v', 'mjpeg', '-q:v', '2', 'pipe:1'],
    { timeoutMs: 120_000, signal, maxStdout: 32 * 1024 * 1024 },
  );
  if (result.code !== 0) throw new ClearFrameError('invalid_input', `No frame could be taken from the video (${firstErrorLine(result.stderr)}).`);
  return result.stdout;
}

export async function renderVideoPoster(source: string, durationS: number | null, edge: number, dest: string, tmpDir: string, signal?: AbortSignal) {
  let frame = await grabFrame(source, posterTime(durationS), edge, signal);
  // Some files cannot seek (no index); the first frame is the fallback.
  if (frame.length === 0) frame = await grabFrame(source, 0, edge, signal);
  if (frame.length === 0) throw new ClearFrameError('invalid_input', 'The video has no frame that could be decoded.');
  return writeJpeg(sharp(frame).jpeg({ quality }), dest, tmpDir);
}
