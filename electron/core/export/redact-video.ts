import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import type { RedactionStyle } from '../../../shared/contract/export';
import { ClearFrameError } from '../../../shared/result';
import { ffmpegPath } from '../media/ffmpeg-paths';
import { firstErrorLine } from '../media/run-tool';
import { redactionFilter } from './video-filter';
import { maskFrame, maskFrameBytes, planMask } from './video-mask';
import type { RedactionTrack } from './video-tracks';

export interface VideoTags {
  artist: string | null;
  copyright: string | null;
  comment: string | null;
}

export interface VideoExport {
  source: string;
  /** Where the MP4 is written (a temporary name; the caller renames it when it is complete). */
  output: string;
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
  maxKbps: number;
  removeAudio: boolean;
  tags: VideoTags;
  signal?: AbortSignal;
  /** Seconds of the output written so far. */
  onProgress?: (seconds: number) => void;
}

/** The ffmpeg arguments; exported so tests can see that no metadata is copied from the original. */
export function videoArgs(job: VideoExport, mask: { width: number; height: number } | null): string[] {
  const tags = Object.entries(job.tags).flatMap(([k, v]) => (v ? ['-metadata', `${k}=${v}`] : []));
  const audio = job.removeAudio ? ['-an'] : ['-map', '0:a:0?', '-c:a', 'aac', '-b:a', '128k'];
  const maskInput = mask ? ['-f', 'rawvideo', '-pix_fmt', 'yuv420p', '-s', `${mask.width}x${mask.height}`, '-r', String(job.fps), '-i', 'pipe:0'] : [];
  return [
    ...['-hide_banner', '-v', 'error', '-nostats', '-progress', 'pipe:1', '-y'],
    ...['-i', job.source, ...maskInput, '-filter_complex_script', job.scriptPath, '-map', '[v]', ...audio],
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

/** Writes every mask frame into ffmpeg, waiting whenever the pipe is full. */
async function writeMask(stdin: Writable, plan: ReturnType<typeof planMask>): Promise<void> {
  const frame = Buffer.alloc(maskFrameBytes(plan));
  for (let k = 0; k < plan.frames; k++) {
    if (stdin.destroyed) return;
    // Each write gets its own copy: the stream may still hold the previous one.
    const ok = stdin.write(Buffer.from(maskFrame(plan, plan.regionsAt(k), frame)));
    if (!ok) await drained(stdin);
  }
  stdin.end();
}

/**
 * Re-encodes a video with its faces redacted (H.264/AAC in MP4), the sound kept or dropped, and only
 * the attribution tags in its container.
 */
export async function redactVideo(job: VideoExport): Promise<void> {
  const mask = job.tracks.length > 0 ? planMask(job) : null;
  await writeFile(job.scriptPath, redactionFilter({ width: job.width, height: job.height, style: job.style, durationS: job.durationS, mask }), { mode: 0o600 });
  await new Promise<void>((resolve, reject) => {
    const child = spawn(ffmpegPath(), videoArgs(job, mask), { stdio: [mask ? 'pipe' : 'ignore', 'pipe', 'pipe'], windowsHide: true });
    let stderr = '';
    let pending = '';
    const stop = () => child.kill('SIGKILL');
    job.signal?.addEventListener('abort', stop, { once: true });
    // ffmpeg stops reading the mask when the video ends (or fails): the rest of it has nowhere to go.
    child.stdin?.on('error', () => undefined);
    if (mask && child.stdin) void writeMask(child.stdin, mask);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const m = /^out_time_us=(\d+)/.exec(line);
        if (m) job.onProgress?.(Number(m[1]) / 1e6);
      }
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      if (stderr.length < 64 * 1024) stderr += chunk;
    });
    child.on('error', (err) => reject(new ClearFrameError('unsupported', `Could not run ffmpeg (${err.message}). Install ffmpeg and try again.`)));
    child.on('close', (code) => {
      job.signal?.removeEventListener('abort', stop);
      if (job.signal?.aborted) return reject(new ClearFrameError('cancelled', 'The export was cancelled.'));
      if (code !== 0) return reject(new ClearFrameError('io_error', `The video could not be redacted (${firstErrorLine(stderr)}).`));
      resolve();
    });
  });
}
