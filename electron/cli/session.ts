import type { CommandInput, CommandName, CommandResult } from '../../shared/contract';
import { ClearFrameError } from '../../shared/result';
import type { RequestContext } from '../core/api/context';
import type { Handlers } from '../core/api/dispatch';
import type { Library } from '../core/library';
import { CliError, exitCodes, fromAppError } from './cli-error';
import { signInCommandLine } from './sign-in';

export interface SessionOptions {
  home: string;
  /** The profile named with --user; needed once the library has passwords. */
  user: string | undefined;
  /** Show progress on stderr even when it is not a terminal. */
  progress: boolean;
}

/**
 * One run of the command line against one library. The library and the handlers are loaded on first
 * use, so `--help` and `--version` never touch the database or the media libraries.
 */
export class Session {
  private opened: { lib: Library; handlers: Handlers; ctx: RequestContext; password?: string } | null = null;

  constructor(readonly options: SessionOptions) {}

  async library(): Promise<Library> {
    return (await this.open()).lib;
  }

  /** Who this call runs as, checked against what `command` needs: for work that runs a service directly. */
  async context(command: CommandName): Promise<RequestContext> {
    const { ctx } = await this.open();
    const { accessError } = await import('../core/api/dispatch');
    const denied = accessError(command, ctx);
    if (denied) throw fromAppError(denied);
    return ctx;
  }

  /** The signed-in profile's name and the password it signed in with (none in a single-user library). */
  async signedIn(): Promise<{ name: string | undefined; password: string | undefined }> {
    const { ctx, password } = await this.open();
    return { name: ctx.user?.name, password };
  }

  /** Runs a contract command exactly as the UI does (same permission check and validation); a refusal becomes a CliError. */
  async call<K extends CommandName>(name: K, input: CommandInput<K>): Promise<CommandResult<K>> {
    const { handlers, ctx } = await this.open();
    const { dispatch } = await import('../core/api/dispatch');
    const result = await dispatch(handlers, name, input, ctx);
    if (!result.ok) throw fromAppError(result.error);
    return result.value as CommandResult<K>;
  }

  close(): void {
    this.opened?.lib.close();
    this.opened = null;
  }

  private async open(): Promise<{ lib: Library; handlers: Handlers; ctx: RequestContext; password?: string }> {
    if (this.opened) return this.opened;
    const [{ openLibrary }, { createHandlers }] = await Promise.all([import('../core/library'), import('../core/api/handlers')]);
    const lib = openFolder(openLibrary, this.options.home);
    try {
      const { ctx, password } = await signInCommandLine(lib, this.options.user);
      await recoverImports(lib);
      this.opened = { lib, handlers: createHandlers(lib), ctx, password };
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
