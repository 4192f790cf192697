import { spawn } from 'node:child_process';
import { ClearFrameError } from '../../../shared/result';
import { ffmpegPath } from '../media/ffmpeg-paths';

export interface RawFrame {
  time: number;
  sceneScore: number;
  rgb: Buffer;
}

export interface SampleOptions {
  start: number;
  end: number | null;
  fps: number;
  /** Frames are decoded straight to this size (ffmpeg rotates upright before scaling). */
  width: number;
  height: number;
  /** A frame this different from the one before it is a scene cut and is sampled too. */
  sceneThreshold: number;
}

const infoLine = /pts_time:(-?[\d.]+)/;
const sceneLine = /lavfi\.scene_score=([\d.]+)/;

/**
 * Samples a video at `fps` frames per second plus every scene cut, decoding each sampled frame to
 * packed RGB. ffmpeg's metadata filter prints each sampled frame's time and scene score on stderr in
 * the same order as the frames leave on stdout.
 */
export async function* sampleFrames(path: string, o: SampleOptions, signal?: AbortSignal): AsyncGenerator<RawFrame> {
  const every = (1 / o.fps).toFixed(4);
  const filter = [
    `select='isnan(prev_selected_t)+gte(t-prev_selected_t\\,${every})+gt(scene\\,${o.sceneThreshold})'`,
    'metadata=print:key=lavfi.scene_score',
    `scale=${o.width}:${o.height}`,
  ].join(',');
  const range = o.end === null ? [] : ['-t', (o.end - o.start).toFixed(3)];
  const args = ['-hide_banner', '-nostats', '-v', 'info', '-ss', o.start.toFixed(3), ...range, '-i', path, '-an', '-sn', '-vf', filter, '-fps_mode', 'vfr', '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'];
  const child = spawn(ffmpegPath(), args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
  const kill = () => child.kill('SIGKILL');
  signal?.addEventListener('abort', kill, { once: true });
  const frameBytes = o.width * o.height * 3;
  const stamps: { time: number; scene: number }[] = [];
  let pendingTime: number | null = null;
  let stderrTail = '';
  let partial = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderrTail = (stderrTail + chunk).slice(-4000);
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      const t = infoLine.exec(line);
      if (t) pendingTime = Number(t[1]);
      const s = sceneLine.exec(line);
      if (s && pendingTime !== null) {
        stamps.push({ time: o.start + pendingTime, scene: Number(s[1]) });
        pendingTime = null;
      }
    }
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', (err) => reject(new ClearFrameError('unsupported', `Could not run ffmpeg (${err.message}). Install ffmpeg and try again.`)));
    child.on('close', (code) => resolve(code));
  });
  let buffer: Buffer = Buffer.alloc(0);
  const decoded: Buffer[] = [];
  let index = 0;
  const frame = (rgb: Buffer, stamp: { time: number; scene: number }): RawFrame => ({ time: stamp.time, sceneScore: stamp.scene, rgb });
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
      while (buffer.length >= frameBytes) {
        decoded.push(Buffer.from(buffer.subarray(0, frameBytes)));
        buffer = buffer.subarray(frameBytes);
      }
      // A frame's stderr line is written before its pixels but may be read after them: wait for it.
      while (decoded.length > 0 && stamps[index] !== undefined) yield frame(decoded.shift()!, stamps[index++]!);
    }
    const code = await exited;
    signal?.throwIfAborted();
    while (decoded.length > 0) {
      yield frame(decoded.shift()!, stamps[index] ?? { time: o.start + index / o.fps, scene: 0 });
      index++;
    }
    if (code !== 0 && index === 0) {
      throw new ClearFrameError('invalid_input', `The video could not be decoded for face detection (${lastLine(stderrTail)}).`);
    }
  } finally {
    signal?.removeEventListener('abort', kill);
    if (child.exitCode === null) kill();
  }
}

function lastLine(text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('['));
  return lines[lines.length - 1] ?? 'ffmpeg gave no reason';
}
