import { ffprobePath } from './ffmpeg-paths';
import { ImportFileError } from './import-failure';
import { firstErrorLine, runTool } from './run-tool';

export interface VideoInfo {
  width: number;
  height: number;
  /** Clockwise degrees the picture is turned for display (0, 90, 180, 270). */
  rotation: number;
  durationS: number | null;
  hasAudio: boolean;
  capturedAt: string | null;
  hasGps: boolean;
  embedded: Record<string, unknown>;
  warnings: string[];
}

interface ProbeStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  duration?: string;
  disposition?: { attached_pic?: number };
  tags?: Record<string, string>;
  side_data_list?: { rotation?: number }[];
}

interface ProbeOutput {
  streams?: ProbeStream[];
  format?: { duration?: string; format_name?: string; tags?: Record<string, string> };
}

/** ffprobe's display-matrix angle is counter-clockwise; ffmpeg itself negates it to rotate (see its get_rotation). */
function clockwise(stream: ProbeStream): number {
  const fromMatrix = stream.side_data_list?.find((s) => typeof s.rotation === 'number')?.rotation;
  const degrees = fromMatrix !== undefined ? -fromMatrix : Number(stream.tags?.rotate ?? 0);
  return ((Math.round(degrees / 90) * 90) % 360 + 360) % 360;
}

/** Cameras without a clock write 1904-01-01 or 1970-01-01; those are no capture date. */
function creationTime(tags: Record<string, string> | undefined): string | null {
  const raw = tags?.['com.apple.quicktime.creationdate'] ?? tags?.creation_time;
  if (!raw) return null;
  const date = new Date(raw);
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1971) return null;
  return date.toISOString();
}

const locationTags = ['location', 'location-eng', 'com.apple.quicktime.location.ISO6709'];

/** `path` must be absolute: ffmpeg would read a relative name like "concat:x" as a protocol. */
export async function probeVideo(path: string, signal?: AbortSignal): Promise<VideoInfo> {
  const result = await runTool(ffprobePath(), ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', path], {
    timeoutMs: 60_000,
    signal,
    maxStdout: 8 * 1024 * 1024,
  });
  if (result.code !== 0) {
    const detail = firstErrorLine(result.stderr);
    throw new ImportFileError('invalid_input', { code: 'video_unreadable', params: { detail } }, `The video could not be read (${detail}): the file is damaged or incomplete.`);
  }
  let probe: ProbeOutput;
  try {
    probe = JSON.parse(result.stdout.toString('utf8')) as ProbeOutput;
  } catch {
    throw new ImportFileError('invalid_input', { code: 'video_no_description', params: {} }, 'The video could not be read: ffprobe gave no usable description of it.');
  }
  const streams = probe.streams ?? [];
  const video = streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic);
  if (!video || !video.width || !video.height) {
    throw new ImportFileError('invalid_input', { code: 'video_no_picture', params: {} }, 'The file has no video picture (it may be audio only), so ClearFrame cannot import it as a video.');
  }
  const rotation = clockwise(video);
  const turned = rotation === 90 || rotation === 270;
  const duration = Number(probe.format?.duration ?? video.duration);
  const warnings: string[] = [];
  const durationS = Number.isFinite(duration) && duration > 0 ? duration : null;
  if (durationS === null) warnings.push('The video does not say how long it is; it may be incomplete.');
  const tags = { ...probe.format?.tags, ...video.tags };
  return {
    width: turned ? video.height : video.width,
    height: turned ? video.width : video.height,
    rotation,
    durationS,
    hasAudio: streams.some((s) => s.codec_type === 'audio'),
    capturedAt: creationTime(probe.format?.tags) ?? creationTime(video.tags),
    hasGps: locationTags.some((t) => Boolean(tags[t])),
    embedded: { container: probe.format?.format_name ?? null, videoCodec: video.codec_name ?? null },
    warnings,
  };
}
