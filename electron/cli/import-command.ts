import type { ImportBatchReport } from '../../shared/contract/media';
import { licenses } from '../../shared/types';
import { clearable, oneOf, text } from './arguments';
import { exitCodes } from './cli-error';
import type { CliCommand, CommandInput, CommandOutcome } from './command';
import { importReportJson } from './json-shapes';
import { schoolByKey } from './lookups';
import { count } from './output';
import { followJob } from './follow-job';
import type { Session } from './session';

export const importCommands: CliCommand[] = [
  {
    name: 'import',
    usage: '<paths…>',
    summary: 'Import photos and videos from files and folders (folders recursively).',
    details: [
      'Duplicates (same content) are reported, never imported twice. A file that cannot be imported is listed',
      'with the reason and the rest goes on; the exit code is still 0. Ctrl+C cancels: what was imported stays,',
      'the partial report is printed and the exit code is 130; running the same import again finishes it.',
      'Progress ("n/N file") goes to stderr when it is a terminal, or always with --progress.',
      'JSON: {imported, duplicates, failed: [{path, error}], total, batch, status: "done"|"cancelled"}',
    ],
    options: {
      creator: { type: 'string', value: 'NAME', description: 'Creator for every imported item.' },
      'rights-holder': { type: 'string', value: 'NAME', description: 'Copyright holder for every imported item.' },
      license: { type: 'string', value: 'KEY', description: `One of: ${licenses.join(', ')}.` },
      credit: { type: 'string', value: 'TEXT', description: 'Credit line for every imported item.' },
      event: { type: 'string', value: 'TEXT', description: 'The event the media were taken at.' },
      school: { type: 'string', value: 'KEY', description: 'The school the media belong to.' },
    },
    args: { min: 1 },
    run: runImport,
  },
];

async function runImport(session: Session, input: CommandInput): Promise<CommandOutcome> {
  const license = oneOf(text(input, 'license'), licenses, '--license');
  const schoolKey = text(input, 'school');
  const schoolId = schoolKey === undefined ? undefined : schoolByKey(await session.call('org.get', {}), schoolKey).id;
  const defaults = {
    creator: clearable(input, 'creator'),
    rightsHolder: clearable(input, 'rights-holder'),
    license,
    credit: clearable(input, 'credit'),
    eventName: clearable(input, 'event'),
    schoolId,
  };

  const ctx = await session.context('media.import');
  const lib = await session.library();
  const { startMediaImport } = await import('../core/media/import-service');
  const job = startMediaImport(lib, ctx, input.args, defaults);
  const report = await followJob(session, job, 'Importing', 'Cancelling the import after the current file (press Ctrl+C again to stop at once)…');
  return outcome(report);
}

function outcome(report: ImportBatchReport): CommandOutcome {
  const json = importReportJson(report);
  const lines = [
    `Imported ${count(json.imported, 'file')}; ${count(json.duplicates, 'duplicate')} skipped; ${json.failed.length} failed (batch ${json.batch}).`,
    ...json.failed.map((f) => `  ${f.path}: ${f.error}`),
  ];
  if (json.status === 'done') return { json, human: lines.join('\n') };
  return {
    json,
    human: lines.join('\n'),
    failure: 'The import was cancelled; run the same import again to finish it.',
    exitCode: exitCodes.interrupted,
  };
}
