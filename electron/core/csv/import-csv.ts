import { createHash } from 'node:crypto';
import type { CsvImportReport, CsvKind } from '../../../shared/contract/csv-import';
import { todayIso } from '../../../shared/domain/dates';
import type { IsoDate } from '../../../shared/types';
import type { RequestContext } from '../api/context';
import type { NewConsentRecord } from '../db/repositories/consent-repository';
import type { Library } from '../library';
import { resolveColumns } from './columns';
import { planConsents } from './consent-import';
import { decodeCsvBytes } from './decode-csv';
import type { ImportPlan } from './import-plan';
import { detectDelimiter, parseCsvText } from './parse-csv';
import { planPeople } from './people-import';
import { ProblemList } from './problem-list';
import { reportMessages } from './report-messages';

export interface CsvImportOptions {
  /** Expected column → header in the file, for files whose headers differ from the default column names. */
  mapping?: Record<string, string>;
  /** Check and report only; nothing is written. */
  dryRun: boolean;
  /** Marks consent records from the demo school as such. */
  source?: Extract<NewConsentRecord['source'], 'csv' | 'demo'>;
  /** The day dates are checked against (no date of birth or answer in the future); today by default. */
  today?: IsoDate;
}

/**
 * Imports a people or consents CSV file. The dry run and the apply take the same path: the file is read,
 * checked and turned into a plan against the library; an apply then writes the plan, with its audit entries,
 * in the one transaction the plan was made in. Any error blocks the whole file, so a half-imported list never exists.
 */
export function importCsv(lib: Library, ctx: RequestContext, kind: CsvKind, bytes: Buffer, options: CsvImportOptions): CsvImportReport {
  const problems = new ProblemList();
  const report: CsvImportReport = {
    kind,
    dryRun: options.dryRun,
    encoding: 'utf-8',
    delimiter: ',',
    headers: [],
    mapping: {},
    rows: 0,
    schoolsToCreate: [],
    classesToCreate: [],
    peopleCreated: 0,
    peopleUpdated: 0,
    consentsAdded: 0,
    unchanged: 0,
    errors: problems.errors,
    warnings: problems.warnings,
    errorCount: 0,
    warningCount: 0,
    applied: false,
    messages: [],
  };
  const finish = (): CsvImportReport => {
    report.errorCount = problems.totalErrors;
    report.warningCount = problems.totalWarnings;
    report.messages = reportMessages(report, problems.totalErrors, problems.totalWarnings);
    return report;
  };

  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) {
    problems.error(null, null, decoded.reason, decoded.message);
    return finish();
  }
  report.encoding = decoded.encoding;
  report.delimiter = detectDelimiter(decoded.text);
  const parsed = parseCsvText(decoded.text, report.delimiter);
  if (!parsed.ok) {
    problems.error(parsed.line, null, parsed.reason, parsed.message);
    return finish();
  }
  const { table } = parsed;
  report.headers = table.headers;
  report.rows = table.rows.length;
  const columns = resolveColumns(kind, table.headers, options.mapping, problems);
  report.mapping = columns.mapping;
  if (problems.hasErrors) return finish();

  const today = options.today ?? todayIso();
  const run = (): ImportPlan => {
    const plan =
      kind === 'people'
        ? planPeople(lib, ctx, table, columns, problems, today)
        : planConsents(lib, ctx, table, columns, problems, { source: options.source ?? 'csv', today });
    if (options.dryRun || problems.hasErrors || plan.changes === 0) return plan;
    plan.apply();
    lib.repos.audit.append(ctx.actor, 'csv.imported', `csv:${kind}`, {
      sha256: createHash('sha256').update(bytes).digest('hex'),
      rows: table.rows.length,
      ...plan.counts,
    });
    return plan;
  };
  const plan = options.dryRun ? run() : lib.transaction(run);
  Object.assign(report, plan.counts);
  report.applied = !options.dryRun && !problems.hasErrors;
  if (report.applied && plan.changes > 0) for (const what of plan.changed) lib.events.emit('library.changed', { what });
  return finish();
}
