import type { AppError, ErrorCode } from '../../shared/result';

/** Exit codes of the command line: documented in `clearframe --help`. */
export const exitCodes = { ok: 0, failure: 1, usage: 2, interrupted: 130 } as const;

/** A failure the CLI reports as one sentence on stderr (and as `{"error": …}` with --json). */
export class CliError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** A mistake in how the command was typed: exit code 2. */
export function usageError(message: string): CliError {
  return new CliError('invalid_input', message, exitCodes.usage);
}

/** A refused request is a bad argument (exit 2); anything else the core reports is a failure (exit 1). */
export function fromAppError(error: AppError): CliError {
  const exitCode = error.code === 'invalid_input' ? exitCodes.usage : error.code === 'cancelled' ? exitCodes.interrupted : exitCodes.failure;
  return new CliError(error.code, error.message, exitCode);
}
