import { readFile } from 'node:fs/promises';
import { consentColumns, peopleColumns, type CsvKind, type CsvProblem } from '../../shared/contract/csv-import';
import { flag, list } from './arguments';
import { CliError, exitCodes, usageError } from './cli-error';
import type { CliCommand, CommandInput, CommandOutcome } from './command';
import { csvReportJson } from './json-shapes';
import { count } from './output';
import type { Session } from './session';

const reportShape =
  'JSON: {kind, dry_run, applied, encoding, delimiter, headers, mapping, rows, schools_to_create, classes_to_create,\n' +
  '       people_created, people_updated, consents_added, unchanged, errors: [{line, column, message}], warnings: [same],\n' +
  '       messages: [sentences]}';

function csvCommand(name: string, kind: CsvKind, columns: readonly string[], summary: string): CliCommand {
  return {
    name,
    usage: '<csv>',
    summary,
    details: [
      `Columns: ${columns.join(',')} (";" or "," separated; UTF-8 or Windows-1252).`,
      'Errors anywhere in the file mean nothing is changed and the exit code is 1. Importing the same file again changes nothing.',
      reportShape,
    ],
    options: {
      'dry-run': { type: 'boolean', description: 'Check the file and report what would change, without changing anything.' },
      map: { type: 'string', multiple: true, value: 'column=header', description: 'Read a column from a header named differently.' },
    },
    args: { min: 1, max: 1 },
    run: (session, input) => importCsv(session, input, kind, columns),
  };
}

export const csvCommands: CliCommand[] = [
  csvCommand('people import', 'people', peopleColumns, 'Import people from a CSV file; missing schools and classes are created.'),
  csvCommand('consent import', 'consents', consentColumns, 'Import consent answers from a CSV file.'),
];

function parseMapping(entries: string[], columns: readonly string[]): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const entry of entries) {
    const eq = entry.indexOf('=');
    const column = entry.slice(0, eq).trim();
    const header = entry.slice(eq + 1).trim();
    if (eq < 1 || header === '') throw usageError(`--map "${entry}" should read column=header, e.g. external_id=Leerlingnummer.`);
    if (!columns.includes(column)) throw usageError(`--map names "${column}", which is not a column here; columns: ${columns.join(', ')}.`);
    mapping[column] = header;
  }
  return mapping;
}

async function importCsv(session: Session, input: CommandInput, kind: CsvKind, columns: readonly string[]): Promise<CommandOutcome> {
  const path = input.args[0]!;
  const mapping = parseMapping(list(input, 'map'), columns);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw new CliError('io_error', `Cannot read the CSV file ${path} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`, exitCodes.failure);
  }
  const report = csvReportJson(
    await session.call('csv.import', { kind, data: bytes.toString('base64'), mapping, dryRun: flag(input, 'dry-run') }),
  );
  // The report's first sentence says how many errors there are, also when only the first ones are listed.
  const failure = report.errors.length > 0 ? `${path}: ${report.messages[0] ?? 'the file has errors, so nothing was imported.'}` : undefined;
  return { json: report, human: humanReport(report), failure };
}

function problemLine(p: Pick<CsvProblem, 'line' | 'column' | 'message'>): string {
  const where = [p.line === null ? null : `line ${p.line}`, p.column].filter(Boolean).join(', ');
  return `  ${where ? `${where}: ` : ''}${p.message}`;
}

/** The core's own sentences (the same the UI shows), then the problems line by line. */
function humanReport(r: ReturnType<typeof csvReportJson>): string {
  const lines = [`${count(r.rows, 'row')} read (${r.encoding}, "${r.delimiter}" separated).`];
  if (r.schools_to_create.length) lines.push(`Schools ${r.applied ? 'created' : 'to create'}: ${r.schools_to_create.join(', ')}`);
  if (r.classes_to_create.length) lines.push(`Classes ${r.applied ? 'created' : 'to create'}: ${r.classes_to_create.join(', ')}`);
  lines.push(...r.messages);
  if (r.errors.length) lines.push('Errors:', ...r.errors.map(problemLine));
  if (r.warnings.length) lines.push('Warnings:', ...r.warnings.map(problemLine));
  return lines.join('\n');
}
