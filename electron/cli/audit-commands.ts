import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { AuditEntryView, AuditFilter, AuditVerification } from '../../shared/contract/audit';
import { date, positiveInt, text } from './arguments';
import { CliError, exitCodes, usageError } from './cli-error';
import type { CliCommand, CommandInput, OptionSpec } from './command';
import { count, table } from './output';

const filterOptions: Record<string, OptionSpec> = {
  person: { type: 'string', value: 'PERSON', description: "Only entries about this person (id or external id): their timeline." },
  channel: { type: 'string', value: 'KEY', description: 'Only entries about this channel.' },
  actor: { type: 'string', value: 'NAME', description: 'Only entries by this profile (e.g. cli:jan for the command line).' },
  action: { type: 'string', value: 'ACTION', description: 'Only this action, or a group: "consent" matches consent.granted, consent.withdrawn, …' },
  from: { type: 'string', value: 'YYYY-MM-DD', description: 'On or after this day (UTC).' },
  to: { type: 'string', value: 'YYYY-MM-DD', description: 'On or before this day (UTC).' },
};

function filterOf(input: CommandInput): AuditFilter {
  const from = date(input, 'from');
  const to = date(input, 'to');
  if (from && to && to < from) throw usageError(`--to ${to} is before --from ${from}.`);
  return { person: text(input, 'person'), channel: text(input, 'channel'), actor: text(input, 'actor'), action: text(input, 'action'), from, to };
}

export function verificationJson(v: AuditVerification) {
  return { ok: v.ok, entries: v.entries, first_bad: v.firstBad && { seq: v.firstBad.seq, reason: v.firstBad.reason } };
}

function entryJson(e: AuditEntryView) {
  return { seq: e.seq, at: e.at, actor: e.actor, action: e.action, subject: e.subject, subject_name: e.subjectName, details: e.details, hash: e.hash };
}

function readJsonFile(path: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? 'it is not JSON';
    throw new CliError('invalid_input', `Cannot read the ${what} ${path} (${reason}).`, exitCodes.failure);
  }
}

/** Written under a temporary name and renamed, so a file with the final name is always complete. */
function writeWhole(path: string, content: string, mode: number): void {
  const tmp = join(dirname(path), `.${basename(path)}.partial`);
  try {
    writeFileSync(tmp, content, { mode, flush: true });
    renameSync(tmp, path);
  } catch (err) {
    throw new CliError('io_error', `Cannot write ${path} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`, exitCodes.failure);
  }
}

/** The core pages the log at most this many entries per request. */
const pageSize = 1000;

export const auditCommands: CliCommand[] = [
  {
    name: 'audit verify',
    usage: '',
    summary: 'Recompute the audit log\'s hash chain; exit 1 when it was altered.',
    details: [
      'Detects any entry edited, removed, inserted or moved. With --checkpoint it also proves the log still holds',
      'the signed head in that file, which catches entries cut from the end and a log rewritten from scratch.',
      'JSON: {ok, entries, first_bad: {seq, reason} | null}',
    ],
    options: { checkpoint: { type: 'string', value: 'FILE', description: 'A checkpoint file from `audit checkpoint`.' } },
    args: { min: 0, max: 0 },
    async run(session, input) {
      const file = text(input, 'checkpoint');
      const checkpoint = file === undefined ? undefined : readJsonFile(resolve(file), 'checkpoint file');
      const result = verificationJson(await session.call('audit.verify', { checkpoint: checkpoint as never }));
      if (result.first_bad) {
        return { json: result, human: `${count(result.entries, 'entry', 'entries')} read.`, failure: `The audit log does not verify: ${result.first_bad.reason}` };
      }
      const against = file === undefined ? '' : ', and it still holds the checkpoint';
      return { json: result, human: `The audit log verifies: ${count(result.entries, 'entry', 'entries')}, unbroken${against}.` };
    },
  },
  {
    name: 'audit checkpoint',
    usage: '',
    summary: 'Write the signed head of the audit log to a file to keep outside the library.',
    details: [
      'The file holds {format, version, library, seq, hash, at, public_key, signature} (Ed25519, key kept in the library).',
      'Taking a checkpoint is itself an audit entry, and the checkpoint covers it. An existing file is never overwritten.',
      'JSON: {file, library, seq, hash, at}',
    ],
    options: { out: { type: 'string', value: 'FILE', description: 'Where to write the checkpoint (required).' } },
    args: { min: 0, max: 0 },
    async run(session, input) {
      const out = text(input, 'out');
      if (out === undefined) throw usageError('Say where to write the checkpoint with --out FILE.');
      const file = resolve(out);
      if (existsSync(file)) throw new CliError('conflict', `${file} already exists; choose a new name, so no earlier checkpoint is lost.`, exitCodes.failure);
      const cp = await session.call('audit.checkpoint', {});
      // Meant to be handed to an auditor, and it holds nothing personal: readable by others.
      writeWhole(file, `${JSON.stringify(cp, null, 2)}\n`, 0o644);
      return {
        json: { file, library: cp.library, seq: cp.seq, hash: cp.hash, at: cp.at },
        human: `Checkpoint of entry ${cp.seq} written to ${file}. Keep it outside the library; check it with "clearframe audit verify --checkpoint ${file}".`,
      };
    },
  },
  {
    name: 'audit list',
    usage: '',
    summary: 'List audit entries, oldest first, optionally filtered.',
    details: ['JSON: [{seq, at, actor, action, subject, subject_name, details, hash}]'],
    options: { ...filterOptions, limit: { type: 'string', value: 'N', description: 'At most N entries (default: all).' } },
    args: { min: 0, max: 0 },
    async run(session, input) {
      const filter = filterOf(input);
      const limit = positiveInt(input, 'limit') ?? Number.POSITIVE_INFINITY;
      const entries: ReturnType<typeof entryJson>[] = [];
      for (let offset = 0; entries.length < limit; offset += pageSize) {
        const page = await session.call('audit.list', { filter, order: 'oldest', offset, limit: pageSize });
        entries.push(...page.items.slice(0, limit - entries.length).map(entryJson));
        if (page.items.length < pageSize) break;
      }
      const human =
        entries.length === 0
          ? 'No audit entries found.'
          : table(
              ['SEQ', 'AT', 'ACTOR', 'ACTION', 'SUBJECT'],
              entries.map((e) => [e.seq, e.at.slice(0, 19).replace('T', ' '), e.actor, e.action, e.subject_name ? `${e.subject} (${e.subject_name})` : e.subject]),
            ) + `\n${count(entries.length, 'entry', 'entries')}.`;
      return { json: entries, human };
    },
  },
  {
    name: 'audit export',
    usage: '',
    summary: 'Export audit entries to a CSV file for a spreadsheet.',
    details: [
      'Columns: seq, at, actor, action, subject, subject_name, details, hash (UTF-8 with BOM, comma separated).',
      'A cell starting with = + - @, a tab or a carriage return gets a leading apostrophe, so no spreadsheet runs it.',
      'JSON: {file, rows}',
    ],
    options: { ...filterOptions, csv: { type: 'string', value: 'FILE', description: 'The CSV file to write (required).' } },
    args: { min: 0, max: 0 },
    async run(session, input) {
      const csvFile = text(input, 'csv');
      if (csvFile === undefined) throw usageError('Say where to write the export with --csv FILE.');
      const file = resolve(csvFile);
      const { csv, rows } = await session.call('audit.exportCsv', { filter: filterOf(input) });
      writeWhole(file, csv, 0o600);
      return { json: { file, rows }, human: `${count(rows, 'entry', 'entries')} written to ${file}.` };
    },
  },
];
