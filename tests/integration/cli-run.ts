import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The published entry point, run as a user runs it: a real process, real stdout, stderr and exit code. */
export const binPath = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'clearframe.js');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Called with the child and each chunk of stderr, e.g. to send Ctrl+C once progress shows. */
  onStderr?: (child: ChildProcess, chunk: string) => void;
}

export function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  return new Promise((done, fail) => {
    // No inherited CLEARFRAME_HOME: a test names its library with --home, or sets it on purpose.
    const env = { ...process.env, CLEARFRAME_HOME: undefined, ...options.env };
    const child = spawn(process.execPath, [binPath, ...args], { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => {
      stderr += c;
      options.onStderr?.(child, c);
    });
    child.on('error', fail);
    child.on('close', (code, signal) => done({ code, signal, stdout, stderr }));
  });
}

/** `clearframe --home <home> …args --json`, with stdout parsed: it must be exactly one JSON document. */
export async function runJson(home: string, args: string[], options: CliOptions = {}): Promise<CliResult & { json: any }> {
  const result = await runCli(['--home', home, ...args, '--json'], options);
  let json: unknown;
  try {
    json = JSON.parse(result.stdout);
  } catch {
    throw new Error(`stdout of "clearframe ${args.join(' ')}" is not one JSON document:\n${result.stdout}\nstderr:\n${result.stderr}`);
  }
  return { ...result, json };
}

/** A temporary folder per test file; the library lives in <root>/library. */
export function tempRoot(prefix: string): { root: string; home: string; remove: () => void } {
  const root = mkdtempSync(join(tmpdir(), prefix));
  return { root, home: join(root, 'library'), remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** An error reported to a person: one sentence on stderr, prefixed with the program name. */
export const sentencePattern = /^clearframe: \S.*\.\n$/;
