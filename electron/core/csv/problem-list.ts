import type { CsvProblem } from '../../../shared/contract/csv-import';
import type { CsvProblemReason, UnexpectedCsvProblem } from '../../../shared/domain/csv-problem-reasons';

/** The code and values of a problem; `unexpected` only for a sentence from elsewhere (the consent rules). */
export type ProblemReason = CsvProblemReason | UnexpectedCsvProblem;

/** A report lists this many errors and warnings each; a file wrong on every line needs no more to be fixed. */
const listedLimit = 500;

/** Collects the errors (which block the whole file) and warnings (which do not) found while reading a CSV file. */
export class ProblemList {
  readonly errors: CsvProblem[] = [];
  readonly warnings: CsvProblem[] = [];
  private errorCount = 0;
  private warningCount = 0;

  error(line: number | null, column: string | null, reason: ProblemReason, message: string): void {
    if (this.errorCount++ < listedLimit) this.errors.push({ line, column, ...reason, message });
  }

  warn(line: number | null, column: string | null, reason: ProblemReason, message: string): void {
    if (this.warningCount++ < listedLimit) this.warnings.push({ line, column, ...reason, message });
  }

  get hasErrors(): boolean {
    return this.errorCount > 0;
  }

  get totalErrors(): number {
    return this.errorCount;
  }

  get totalWarnings(): number {
    return this.warningCount;
  }
}
