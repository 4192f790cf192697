import type { CommandOutcome } from './command';
import type { CliError } from './cli-error';

/** Resolves once the text is handed to the OS, so exiting right after never cuts a piped document short. */
function write(stream: NodeJS.WriteStream, text: string): Promise<void> {
  return new Promise((resolve) => stream.write(text, () => resolve()));
}

/** A reader that stops early (`clearframe media list | head`) closes the pipe: end quietly, as Unix tools do. */
export function endQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
      process.exit(0);
    });
  }
}

export const writeStdout = (text: string) => write(process.stdout, text);
export const writeStderr = (text: string) => write(process.stderr, text);

/** With --json stdout carries exactly one JSON document; everything else goes to stderr. */
export async function printOutcome(outcome: CommandOutcome, json: boolean): Promise<void> {
  if (json) await writeStdout(`${JSON.stringify(outcome.json, null, 2)}\n`);
  else if (outcome.human) await writeStdout(outcome.human.endsWith('\n') ? outcome.human : `${outcome.human}\n`);
  if (outcome.failure) await writeStderr(`clearframe: ${outcome.failure}\n`);
}

export async function printError(err: CliError, json: boolean): Promise<void> {
  if (json) await writeStdout(`${JSON.stringify({ error: { code: err.code, message: err.message } }, null, 2)}\n`);
  await writeStderr(`clearframe: ${err.message}\n`);
}

/** A plain text table: one header row, columns padded to their widest cell. */
export function table(headers: string[], rows: (string | number | null | undefined)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c))))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  return cells.map((r) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd()).join('\n');
}

/** "1 file", "3 files". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** Labelled lines, values aligned: "Media       12". */
export function pairs(rows: [string, string | number | null | undefined][]): string {
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${value ?? '-'}`).join('\n');
}
