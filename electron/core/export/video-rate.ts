import { ClearFrameError } from '../../../shared/result';
import { ffprobePath } from '../media/ffmpeg-paths';
import { firstErrorLine, runTool } from '../media/run-tool';

function rate(text: string | undefined): number | null {
  const [num, den] = (text ?? '').split('/').map(Number);
  if (!num || !den || !Number.isFinite(num / den)) return null;
  const fps = num / den;
  return fps > 0 && fps <= 240 ? fps : null;
}

/**
 * The frame rate and duration the redaction plans its per-frame boxes on. r_frame_rate is the
 * highest rate of a variable-rate video, so every frame gets a box update.
 */
export async function probeTiming(path: string, signal?: AbortSignal): Promise<{ fps: number; durationS: number }> {
  const result = await runTool(
    ffprobePath(),
    ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=r_frame_rate,avg_frame_rate,duration:format=duration', '-of', 'json', path],
    { timeoutMs: 60_000, signal },
  );
  if (result.code !== 0) throw new ClearFrameError('invalid_input', `The video could not be read for export (${firstErrorLine(result.stderr)}).`);
  const probe = JSON.parse(result.stdout.toString('utf8')) as {
    streams?: { r_frame_rate?: string; avg_frame_rate?: string; duration?: string }[];
    format?: { duration?: string };
  };
  const stream = probe.streams?.[0];
  const fps = rate(stream?.r_frame_rate) ?? rate(stream?.avg_frame_rate) ?? 30;
  const durationS = Number(probe.format?.duration ?? stream?.duration);
  if (!Number.isFinite(durationS) || durationS <= 0) {
    throw new ClearFrameError('invalid_input', 'The video does not say how long it is, so its faces cannot be redacted frame by frame.');
  }
  return { fps, durationS };
}
