import { z } from 'zod';
import type { CsvProblemReason, UnexpectedCsvProblem } from '../domain/csv-problem-reasons';
import { command } from './define';

export const csvKinds = ['people', 'consents'] as const;
export type CsvKind = (typeof csvKinds)[number];

export const peopleColumns = ['external_id', 'first_name', 'last_name', 'role', 'school', 'class', 'date_of_birth'] as const;
export const consentColumns = ['external_id', 'channel', 'status', 'given_by', 'given_on', 'valid_until'] as const;

/** Maps each expected column to the header used in the file, when the school's export names it differently. */
export const columnMapping = z.record(z.string().max(64), z.string().max(200));

/** `code` and `params` let the UI say the problem in the user's language; `message` is the English sentence (CLI, JSON). */
export type CsvProblem = {
  /** 1-based line in the file (the header is line 1), or null for a problem with the whole file. */
  line: number | null;
  column: string | null;
  message: string;
} & (CsvProblemReason | UnexpectedCsvProblem);

export interface CsvImportReport {
  kind: CsvKind;
  dryRun: boolean;
  encoding: 'utf-8' | 'windows-1252';
  delimiter: ',' | ';';
  headers: string[];
  /** The mapping used: expected column → header in the file. */
  mapping: Record<string, string>;
  /** Data rows read (blank lines not counted). */
  rows: number;
  /**
   * What the file changes (when applied) or would change (on a dry run, or when errors blocked it; then only
   * the rows without errors count). Schools by key; classes as "school-key / class name".
   */
  schoolsToCreate: string[];
  classesToCreate: string[];
  peopleCreated: number;
  peopleUpdated: number;
  consentsAdded: number;
  unchanged: number;
  errors: CsvProblem[];
  warnings: CsvProblem[];
  /** All errors and warnings found; the lists above stop at the first 500 of each. */
  errorCount: number;
  warningCount: number;
  /** True when the changes were written (never on a dry run, never when there were errors). */
  applied: boolean;
  /** Plain English sentences (CLI, JSON): what happened or would happen, and what to do next. The UI says them from the counts. */
  messages: string[];
}

export const csvImportInput = z.object({
  kind: z.enum(csvKinds),
  /** The file's bytes, base64: the UI reads a chosen file, the CLI reads a path. Encoding is detected. */
  data: z.string().max(64 * 1024 * 1024),
  mapping: columnMapping.optional(),
  dryRun: z.boolean().default(true),
});

export const csvCommands = {
  'csv.import': command(csvImportInput).returns<CsvImportReport>(),
};
