import { spawn } from 'node:child_process';
import { ClearFrameError } from '../../../shared/result';
import { ImportFileError } from './import-failure';

export interface ToolResult {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

const maxStderr = 64 * 1024;

/**
 * Runs ffmpeg or ffprobe without a shell (arguments are never parsed, so a file name cannot inject
 * anything), with a time limit and cancel. Output is collected up to `maxStdout` bytes.
 */
export function runTool(
  binary: string,
  args: string[],
  opts: { timeoutMs: number; signal?: AbortSignal; maxStdout?: number },
): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const out: Buffer[] = [];
    let outBytes = 0;
    let stderr = '';
    let overflow = false;
    const maxStdout = opts.maxStdout ?? 64 * 1024 * 1024;
    const stop = () => child.kill('SIGKILL');
    const timer = setTimeout(stop, opts.timeoutMs);
    opts.signal?.addEventListener('abort', stop, { once: true });
    child.stdout.on('data', (chunk: Buffer) => {
      outBytes += chunk.length;
      if (outBytes > maxStdout) {
        overflow = true;
        stop();
      } else out.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < maxStderr) stderr += chunk.toString('utf8');
    });
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new ImportFileError('unsupported', { code: 'tool_failed', params: { tool: binary, detail: err.message } }, `Could not run ${binary} (${err.message}). Install ffmpeg and try again.`));
    });
    child.on('close', (code, killedBy) => {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', stop);
      if (opts.signal?.aborted) return reject(new ClearFrameError('cancelled', 'The import was cancelled.'));
      if (overflow) return reject(new ImportFileError('io_error', { code: 'tool_output_too_large', params: {} }, 'The video tool produced more output than expected; the file may be damaged.'));
      const seconds = Math.round(opts.timeoutMs / 1000);
      if (killedBy) return reject(new ImportFileError('io_error', { code: 'tool_timeout', params: { seconds } }, `Reading the video took longer than ${seconds} seconds; the file may be damaged.`));
      resolve({ code, stdout: Buffer.concat(out), stderr });
    });
  });
}

/** The first meaningful line of a tool's error output, to name the cause in a sentence. */
export function firstErrorLine(stderr: string): string {
  const line = stderr
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.length > 0);
  // ffmpeg prefixes lines with its demuxer's name and address, e.g. "[mov,mp4 @ 0x5564] moov atom not found".
  return (line ?? 'no details').replace(/^\[[^\]]*\]\s*/, '').slice(0, 200);
}
