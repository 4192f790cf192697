import type { CommandInput, CommandName, CommandResult } from '../../shared/contract';
import { ClearFrameError } from '../../shared/result';
import type { RequestContext } from '../core/api/context';
import type { Handlers } from '../core/api/dispatch';
import type { Library } from '../core/library';
import { CliError, exitCodes, fromAppError } from './cli-error';

export interface SessionOptions {
  home: string;
  ctx: RequestContext;
  /** Show progress on stderr even when it is not a terminal. */
  progress: boolean;
}

/**
 * One run of the command line against one library. The library and the handlers are loaded on first
 * use, so `--help` and `--version` never touch the database or the media libraries.
 */
export class Session {
  private opened: { lib: Library; handlers: Handlers } | null = null;

  constructor(readonly options: SessionOptions) {}

  get ctx(): RequestContext {
    return this.options.ctx;
  }

  async library(): Promise<Library> {
    return (await this.open()).lib;
  }

  /** Runs a contract command exactly as the UI does (same validation); a refusal becomes a CliError. */
  async call<K extends CommandName>(name: K, input: CommandInput<K>): Promise<CommandResult<K>> {
    const { handlers } = await this.open();
    const { dispatch } = await import('../core/api/dispatch');
    const result = await dispatch(handlers, name, input, this.ctx);
    if (!result.ok) throw fromAppError(result.error);
    return result.value as CommandResult<K>;
  }

  close(): void {
    this.opened?.lib.close();
    this.opened = null;
  }

  private async open(): Promise<{ lib: Library; handlers: Handlers }> {
    if (this.opened) return this.opened;
    const [{ openLibrary }, { createHandlers }] = await Promise.all([import('../core/library'), import('../core/api/handlers')]);
    const lib = openFolder(openLibrary, this.options.home);
    try {
      await recoverImports(lib);
      this.opened = { lib, handlers: createHandlers(lib) };
    } catch (err) {
      lib.close();
      throw err;
    }
    return this.opened;
  }
}

/** A folder that cannot be made or opened is the user's to fix: say which and why, not "internal". */
function openFolder(open: (home: string) => Library, home: string): Library {
  try {
    return open(home);
  } catch (err) {
    if (err instanceof ClearFrameError) throw err;
    const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new CliError('io_error', `Cannot open the library folder ${home} (${reason}); choose another with --home.`, exitCodes.failure);
  }
}

/** A run killed mid-import left a batch marked running; settle it before anything reads the library. */
async function recoverImports(lib: Library): Promise<void> {
  const { recoverInterruptedImports } = await import('../core/media/import-service');
  recoverInterruptedImports(lib);
}
