import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import type { RedactionStyle } from '../../../shared/contract/export';
import { ClearFrameError } from '../../../shared/result';
import { ffmpegPath } from '../media/ffmpeg-paths';
import { firstErrorLine } from '../media/run-tool';
import { redactionFilter } from './video-filter';
import { maskFrame, maskFrameBytes, planMask, type MaskPlan } from './video-mask';
import type { RedactionTrack } from './video-tracks';

export interface VideoTags {
  artist: string | null;
  copyright: string | null;
  comment: string | null;
}

/**
 * One video's redaction: the filter graph and the face mask. The export runs it over the whole video;
 * the preview over a fraction of a second around a frame, so both show exactly the same pixels.
 */
export interface RedactionGraph {
  source: string;
  /** A scratch file for the filter graph. */
  scriptPath: string;
  /** Output size (even numbers). */
  width: number;
  height: number;
  fps: number;
  durationS: number;
  /** The faces to redact; boxes are fractions of the upright frame, not yet grown by the margin. */
  tracks: readonly RedactionTrack[];
  margin: number;
  style: RedactionStyle;
  signal?: AbortSignal;
}

/** A stretch of the video: `seconds` long, from frame `firstFrame` (of the video at its `fps`). */
export interface Segment {
  firstFrame: number;
  seconds: number;
}

export interface VideoExport extends RedactionGraph {
  /** Where the MP4 is written (a temporary name; the caller renames it when it is complete). */
  output: string;
  maxKbps: number;
  removeAudio: boolean;
  tags: VideoTags;
  /** Seconds of the output written so far. */
  onProgress?: (seconds: number) => void;
}

/**
 * A seek lands on the first frame at or after the time asked for; asking a millisecond early makes sure
 * `firstFrame` itself is not skipped when its time cannot be written exactly.
 */
const seekSlackS = 0.001;

/** The ffmpeg input and filter arguments of a redaction (of the whole video, or of a segment); the picture comes out as [v]. */
function graphArgs(graph: RedactionGraph, mask: { width: number; height: number } | null, segment?: Segment): string[] {
  const seek = segment ? ['-ss', Math.max(0, segment.firstFrame / graph.fps - seekSlackS).toFixed(6), '-t', segment.seconds.toFixed(3)] : [];
  const maskInput = mask ? ['-f', 'rawvideo', '-pix_fmt', 'yuv420p', '-s', `${mask.width}x${mask.height}`, '-r', String(graph.fps), '-i', 'pipe:0'] : [];
  return [...seek, '-i', graph.source, ...maskInput, '-filter_complex_script', graph.scriptPath, '-map', '[v]'];
}

/** The output arguments of an export: H.264/AAC in MP4, with the attribution tags and nothing of the original's metadata. */
function exportOutputArgs(job: VideoExport): string[] {
  const tags = Object.entries(job.tags).flatMap(([k, v]) => (v ? ['-metadata', `${k}=${v}`] : []));
  const audio = job.removeAudio ? ['-an'] : ['-map', '0:a:0?', '-c:a', 'aac', '-b:a', '128k'];
  return [
    ...audio,
    ...['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-pix_fmt', 'yuv420p'],
    ...['-maxrate', `${job.maxKbps}k`, '-bufsize', `${job.maxKbps * 2}k`],
    // Nothing from the original's container or streams (GPS, camera serials, creation tags, chapters, data tracks).
    ...['-map_metadata', '-1', '-map_metadata:s:v', '-1', '-map_metadata:s:a', '-1', '-map_chapters', '-1', '-dn', '-sn'],
    ...tags,
    ...['-movflags', '+faststart', '-f', 'mp4', job.output],
  ];
}

function drained(stream: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}

/** Writes mask frames `from` until `to` into ffmpeg, waiting whenever the pipe is full. */
async function writeMask(stdin: Writable, plan: MaskPlan, from: number, to: number): Promise<void> {
  const frame = Buffer.alloc(maskFrameBytes(plan));
  for (let k = from; k < to; k++) {
    if (stdin.destroyed) return;
    // Each write gets its own copy: the stream may still hold the previous one.
    const ok = stdin.write(Buffer.from(maskFrame(plan, plan.regionsAt(k), frame)));
    if (!ok) await drained(stdin);
  }
  stdin.end();
}

export interface RedactionRun {
  /** Only this stretch of the video; the whole video when absent. */
  segment?: Segment;
  /** ffmpeg options that come before the inputs, and the output. */
  global: string[];
  output: string[];
  onStdout: (chunk: Buffer) => void;
}

/**
 * Runs ffmpeg on a redaction graph: writes the filter, streams the mask (planned over the whole video,
 * so a segment gets exactly the frames of the mask the export uses for it) and reports what ffmpeg writes to stdout.
 */
export async function runRedaction(graph: RedactionGraph, run: RedactionRun): Promise<void> {
  const mask = graph.tracks.length > 0 ? planMask(graph) : null;
  const { segment } = run;
  const durationS = segment ? segment.seconds : graph.durationS;
  await writeFile(graph.scriptPath, redactionFilter({ width: graph.width, height: graph.height, style: graph.style, durationS, mask }), { mode: 0o600 });
  // Like the whole video's mask, a segment's runs a second past its end so it never ends first.
  const maskFrames: [number, number] = segment ? [segment.firstFrame, segment.firstFrame + Math.ceil((segment.seconds + 1) * graph.fps)] : [0, mask?.frames ?? 0];
  const args = ['-hide_banner', '-v', 'error', '-nostats', '-y', ...run.global, ...graphArgs(graph, mask, segment), ...run.output];
  await new Promise<void>((resolve, reject) => {
    const child = spawn(ffmpegPath(), args, { stdio: [mask ? 'pipe' : 'ignore', 'pipe', 'pipe'], windowsHide: true });
    let stderr = '';
    const stop = () => child.kill('SIGKILL');
    graph.signal?.addEventListener('abort', stop, { once: true });
    // ffmpeg stops reading the mask when the video ends (or fails): the rest of it has nowhere to go.
    child.stdin?.on('error', () => undefined);
    if (mask && child.stdin) void writeMask(child.stdin, mask, ...maskFrames);
    child.stdout?.on('data', run.onStdout);
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      if (stderr.length < 64 * 1024) stderr += chunk;
    });
    child.on('error', (err) => reject(new ClearFrameError('unsupported', `Could not run ffmpeg (${err.message}). Install ffmpeg and try again.`)));
    child.on('close', (code) => {
      graph.signal?.removeEventListener('abort', stop);
      if (graph.signal?.aborted) return reject(new ClearFrameError('cancelled', 'The export was cancelled.'));
      if (code !== 0) return reject(new ClearFrameError('io_error', `The video could not be redacted (${firstErrorLine(stderr)}).`));
      resolve();
    });
  });
}

/**
 * Re-encodes a video with its faces redacted (H.264/AAC in MP4), the sound kept or dropped, and only
 * the attribution tags in its container.
 */
export async function redactVideo(job: VideoExport): Promise<void> {
  let pending = '';
  await runRedaction(job, {
    global: ['-progress', 'pipe:1'],
    output: exportOutputArgs(job),
    onStdout: (chunk) => {
      const lines = (pending + chunk.toString('utf8')).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const m = /^out_time_us=(\d+)/.exec(line);
        if (m) job.onProgress?.(Number(m[1]) / 1e6);
      }
    },
  });
}
