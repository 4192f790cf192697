import { ClearFrameError } from '../../../shared/result';
import { ffmpegPath } from '../media/ffmpeg-paths';
import { firstErrorLine, runTool } from '../media/run-tool';
import type { RgbImage } from './photo-pixels';

/** One upright video frame at full size, as packed RGB. */
export async function grabFrame(path: string, time: number, width: number, height: number, signal?: AbortSignal): Promise<RgbImage> {
  const result = await runTool(
    ffmpegPath(),
    ['-v', 'error', '-ss', time.toFixed(3), '-i', path, '-frames:v', '1', '-vf', `scale=${width}:${height}`, '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'],
    { timeoutMs: 120_000, signal, maxStdout: width * height * 3 + 1024 },
  );
  if (result.code !== 0 || result.stdout.length < width * height * 3) {
    throw new ClearFrameError('invalid_input', `No frame at ${time.toFixed(1)} s could be read from the video (${firstErrorLine(result.stderr) || 'no frame there'}).`);
  }
  return { rgb: result.stdout.subarray(0, width * height * 3), width, height };
}
