/**
 * Errors cross every boundary (IPC, HTTP, CLI) as values with a closed set of codes,
 * so the UI can turn each code into a sentence that says what to do.
 */
export const errorCodes = [
  'invalid_input',
  'not_found',
  'conflict',
  'unsupported',
  'io_error',
  'cancelled',
  'forbidden',
  'unauthorized',
  'library_too_new',
  'library_corrupt',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface AppError {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** Thrown inside the core; converted to `{ ok: false, error }` at the boundary. */
export class ClearFrameError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ClearFrameError';
  }
}

export function toAppError(err: unknown): AppError {
  if (err instanceof ClearFrameError) {
    return err.details === undefined
      ? { code: err.code, message: err.message }
      : { code: err.code, message: err.message, details: err.details };
  }
  const message = err instanceof Error ? err.message : String(err);
  const sqliteCode = (err as { code?: unknown } | null)?.code;
  if (sqliteCode === 'SQLITE_CORRUPT' || sqliteCode === 'SQLITE_NOTADB') {
    return { code: 'library_corrupt', message: `The library database is damaged (${message}). Close ClearFrame and restore a backup; "clearframe backup list" shows them.` };
  }
  return { code: 'internal', message: `Something went wrong inside ClearFrame: ${message}` };
}
