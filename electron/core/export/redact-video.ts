import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { ClearFrameError } from '../../../shared/result';
import { ffmpegPath } from '../media/ffmpeg-paths';
import { firstErrorLine } from '../media/run-tool';
import { redactionFilter, type VideoRedactionPlan } from './video-filter';

export interface VideoTags {
  artist: string | null;
  copyright: string | null;
  comment: string | null;
}

export interface VideoExport {
  source: string;
  /** Where the MP4 is written (a temporary name; the caller renames it when it is complete). */
  output: string;
  /** A scratch file for the filter graph, which is too long for a command line. */
  scriptPath: string;
  plan: VideoRedactionPlan;
  maxKbps: number;
  removeAudio: boolean;
  tags: VideoTags;
  signal?: AbortSignal;
  /** Seconds of the output written so far. */
  onProgress?: (seconds: number) => void;
}

/** The ffmpeg arguments; exported so tests can see that no metadata is copied from the original. */
export function videoArgs(job: VideoExport): string[] {
  const tags = Object.entries(job.tags).flatMap(([k, v]) => (v ? ['-metadata', `${k}=${v}`] : []));
  const audio = job.removeAudio ? ['-an'] : ['-map', '0:a:0?', '-c:a', 'aac', '-b:a', '128k'];
  return [
    ...['-hide_banner', '-nostdin', '-v', 'error', '-nostats', '-progress', 'pipe:1', '-y'],
    ...['-i', job.source, '-filter_complex_script', job.scriptPath, '-map', '[v]', ...audio],
    ...['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-pix_fmt', 'yuv420p'],
    ...['-maxrate', `${job.maxKbps}k`, '-bufsize', `${job.maxKbps * 2}k`],
    // Nothing from the original's container or streams (GPS, camera serials, creation tags, chapters, data tracks).
    ...['-map_metadata', '-1', '-map_metadata:s:v', '-1', '-map_metadata:s:a', '-1', '-map_chapters', '-1', '-dn', '-sn'],
    ...tags,
    ...['-movflags', '+faststart', '-f', 'mp4', job.output],
  ];
}

/**
 * Re-encodes a video with its faces redacted (H.264/AAC in MP4), the sound kept or dropped, and only
 * the attribution tags in its container.
 */
export async function redactVideo(job: VideoExport): Promise<void> {
  await writeFile(job.scriptPath, redactionFilter(job.plan), { mode: 0o600 });
  await new Promise<void>((resolve, reject) => {
    const child = spawn(ffmpegPath(), videoArgs(job), { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    let stderr = '';
    let pending = '';
    const stop = () => child.kill('SIGKILL');
    job.signal?.addEventListener('abort', stop, { once: true });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const m = /^out_time_us=(\d+)/.exec(line);
        if (m) job.onProgress?.(Number(m[1]) / 1e6);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
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
