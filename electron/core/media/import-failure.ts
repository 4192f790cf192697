import type { ImportFailureReason } from '../../../shared/domain/import-failure-reasons';
import { ClearFrameError, type ErrorCode } from '../../../shared/result';

/** A file that cannot be imported, with the reason's code and values next to the English sentence. */
export class ImportFileError extends ClearFrameError {
  constructor(
    code: ErrorCode,
    readonly reason: ImportFailureReason,
    message: string,
  ) {
    super(code, message);
  }
}

/** The coded reason of an import error, or null when the error has none (the UI then shows its sentence after a lead). */
export function failureReason(err: unknown): ImportFailureReason | null {
  return err instanceof ImportFileError ? err.reason : null;
}
