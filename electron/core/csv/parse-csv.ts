import { CsvError, parse } from 'csv-parse/sync';
import type { CsvImportReport } from '../../../shared/contract/csv-import';
import type { CsvProblemReason, InvalidCsvCause } from '../../../shared/domain/csv-problem-reasons';

export type CsvDelimiter = CsvImportReport['delimiter'];

export interface CsvRow {
  /** 1-based line in the file where the row starts (the header is line 1). */
  line: number;
  cells: string[];
}

export interface CsvTable {
  headers: string[];
  headerLine: number;
  rows: CsvRow[];
}

export type ParsedCsv = { ok: true; table: CsvTable } | { ok: false; line: number | null; reason: CsvProblemReason; message: string };

/**
 * Dutch spreadsheet programs write `;` (the comma is the decimal separator), others `,`:
 * whichever occurs more often outside quotes in the header line wins.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

const isBlank = (cells: string[]): boolean => cells.every((c) => c.trim() === '');

/**
 * Splits CSV text into a header and rows, keeping each row's starting line for the report.
 * Blank lines (also rows of only delimiters, as spreadsheets write them) are skipped.
 */
export function parseCsvText(text: string, delimiter: CsvDelimiter): ParsedCsv {
  // One line ending throughout: files edited on several systems mix CRLF and LF.
  const normalised = text.replace(/\r\n?/g, '\n');
  let records: { record: string[]; raw: string }[];
  try {
    records = parse(normalised, { delimiter, record_delimiter: '\n', relax_column_count: true, raw: true, bom: true }) as unknown as typeof records;
  } catch (err) {
    if (err instanceof CsvError) {
      const line = typeof err.lines === 'number' ? err.lines : null;
      const cause = quoteCause(err.code);
      return {
        ok: false,
        line,
        reason: { code: 'invalid_csv', params: { line, cause, parserCode: err.code } },
        message: `The file is not valid CSV near line ${line ?? '?'}: ${quoteHint(cause, err.code)}`,
      };
    }
    throw err;
  }
  let line = 1;
  let header: CsvRow | undefined;
  const rows: CsvRow[] = [];
  for (const { record, raw } of records) {
    const row = { line, cells: record };
    line += raw.split('\n').length - 1;
    if (isBlank(record)) continue;
    if (header) rows.push(row);
    else header = row;
  }
  if (!header) return { ok: false, line: null, reason: { code: 'no_header', params: {} }, message: 'The file has no header line. The first line must name the columns.' };
  return { ok: true, table: { headers: header.cells.map((h) => h.trim()), headerLine: header.line, rows } };
}

function quoteCause(code: string): InvalidCsvCause {
  if (code === 'CSV_QUOTE_NOT_CLOSED') return 'quote_not_closed';
  if (code === 'INVALID_OPENING_QUOTE' || code === 'CSV_INVALID_CLOSING_QUOTE') return 'quote_inside_value';
  return 'other';
}

function quoteHint(cause: InvalidCsvCause, code: string): string {
  if (cause === 'quote_not_closed') return 'a quoted value is never closed. Check for a missing double quote (").';
  if (cause === 'quote_inside_value') {
    return 'a double quote (") stands inside a value. Put the whole value in double quotes and double the quote inside it ("").';
  }
  return `the parser stopped (${code}). Export the list again as CSV.`;
}
