import { isIsoDate } from '../../../shared/domain/dates';
import type { ResolvedColumns } from './columns';
import type { CsvRow } from './parse-csv';
import type { ProblemList, ProblemReason } from './problem-list';

/** Longer values are a mistake in the file, not a name; the same limits as when a person is entered by hand. */
export const maxNameLength = 200;
export const maxExternalIdLength = 100;

/** Spreadsheet programs run a cell that starts with one of these as a formula (CSV injection). */
const formulaStart = /^[=+\-@\t\r]/;
const controlChars = /[\u0000-\u001f\u007f]/;

export interface RowCells {
  line: number;
  /** False once any cell of the row had an error; the row then changes nothing. */
  readonly ok: boolean;
  has(column: string): boolean;
  /** The trimmed text of a cell, '' when empty or when the column is not in the file. */
  text(column: string): string;
  /** A free-text value (name, class, id): required, single-line, length-limited; kept as text, never evaluated. */
  label(column: string, what: string, max?: number): string | null;
  /** A YYYY-MM-DD date; '' gives null. */
  date(column: string, opts: { required: boolean; notAfter?: string }): string | null;
  /** One of a few lower-case words, matched case-insensitively; '' gives null. */
  choice<T extends string>(column: string, options: readonly T[], opts: { required: boolean }): T | null;
  error(column: string | null, reason: ProblemReason, message: string): void;
  warn(column: string | null, reason: ProblemReason, message: string): void;
}

export function rowCells(row: CsvRow, headerCount: number, columns: ResolvedColumns, problems: ProblemList): RowCells {
  let ok = true;
  const { line } = row;
  const error = (column: string | null, reason: ProblemReason, message: string) => {
    ok = false;
    problems.error(line, column, reason, message);
  };
  const warn = (column: string | null, reason: ProblemReason, message: string) => problems.warn(line, column, reason, message);
  const fields = { fields: row.cells.length, expected: headerCount };

  if (row.cells.length < headerCount) {
    error(null, { code: 'too_few_fields', params: fields }, `This row has ${row.cells.length} fields, but the header has ${headerCount}. Check for a missing delimiter or a line broken in two.`);
  } else if (row.cells.slice(headerCount).some((c) => c.trim() !== '')) {
    error(
      null,
      { code: 'too_many_fields', params: fields },
      `This row has ${row.cells.length} fields, but the header has ${headerCount}. A value probably contains the delimiter (for example "Vries, de"); put such values in double quotes.`,
    );
  }

  const text = (column: string): string => {
    const i = columns.index.get(column);
    return i === undefined ? '' : (row.cells[i] ?? '').trim().normalize('NFC');
  };

  return {
    line,
    get ok() {
      return ok;
    },
    has: (column) => columns.index.has(column),
    text,
    error,
    warn,
    label(column, what, max = maxNameLength) {
      const value = text(column);
      if (value === '') {
        error(column, { code: 'value_empty', params: { field: column } }, `The ${what} is empty.`);
        return null;
      }
      if (controlChars.test(value)) {
        error(column, { code: 'value_multiline', params: { field: column } }, `The ${what} contains a line break or tab. Keep it on one line.`);
        return null;
      }
      const length = [...value].length;
      if (length > max) {
        error(column, { code: 'value_too_long', params: { field: column, length, max } }, `The ${what} is ${length} characters long; at most ${max} are allowed. Shorten it in the file.`);
        return null;
      }
      if (formulaStart.test(value)) {
        const shown = value.slice(0, 40);
        const first = value[0]!;
        warn(column, { code: 'formula_cell', params: { field: column, value: shown, first } }, `The ${what} "${shown}" starts with "${first}", which spreadsheets treat as a formula. ClearFrame keeps it as plain text.`);
      }
      return value;
    },
    date(column, { required, notAfter }) {
      const value = text(column);
      if (value === '') {
        if (required) error(column, { code: 'date_empty', params: { field: column } }, `The ${column} is empty. Write the date as YYYY-MM-DD, e.g. 2012-03-15.`);
        return null;
      }
      if (!isIsoDate(value)) {
        const dayFirst = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(value);
        const suggestion = dayFirst ? `${dayFirst[3]}-${dayFirst[2]!.padStart(2, '0')}-${dayFirst[1]!.padStart(2, '0')}` : null;
        const hint = suggestion ? ` It looks like day-month-year: write it as ${suggestion}.` : ' Write it as YYYY-MM-DD, e.g. 2012-03-15.';
        error(column, { code: 'date_invalid', params: { field: column, value, suggestion } }, `"${value}" is not a valid date.${hint}`);
        return null;
      }
      if (notAfter !== undefined && value > notAfter) {
        error(column, { code: 'date_in_future', params: { field: column, value, today: notAfter } }, `${value} lies in the future (today is ${notAfter}).`);
        return null;
      }
      return value;
    },
    choice<T extends string>(column: string, options: readonly T[], { required }: { required: boolean }): T | null {
      const value = text(column).toLowerCase();
      if (value === '') {
        if (required) error(column, { code: 'choice_empty', params: { field: column, options: [...options] } }, `The ${column} is empty. Use one of: ${options.join(', ')}.`);
        return null;
      }
      if (!(options as readonly string[]).includes(value)) {
        error(column, { code: 'choice_unknown', params: { field: column, value: text(column), options: [...options] } }, `Unknown ${column} "${text(column)}". Use one of: ${options.join(', ')}.`);
        return null;
      }
      return value as T;
    },
  };
}
