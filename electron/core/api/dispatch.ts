import { commands, isCommandName, type CommandName, type CommandArgs, type CommandResult } from '../../../shared/contract';
import { commandPermissions } from '../../../shared/domain/command-permissions';
import { may, refusal } from '../../../shared/domain/permissions';
import { toAppError, type AppError, type Result } from '../../../shared/result';
import type { RequestContext } from './context';

export type Handler<K extends CommandName> = (args: CommandArgs<K>, ctx: RequestContext) => CommandResult<K> | Promise<CommandResult<K>>;
export type Handlers = { [K in CommandName]: Handler<K> };

const signInFirst =
  'Sign in first: this library has passwords, so ClearFrame needs to know who is asking (on the command line: --user NAME).';

/** Refuses before anything runs, so a refused call writes nothing. */
export function accessError(name: CommandName, ctx: RequestContext): AppError | null {
  const needed = commandPermissions[name];
  if (needed === 'public') return null;
  if (!ctx.user) return { code: 'unauthorized', message: signInFirst };
  if (needed === 'signedIn' || may(ctx.user, needed)) return null;
  return { code: 'forbidden', message: refusal(ctx.user, needed) };
}

/**
 * The single entry point for IPC, HTTP and the CLI: checks the caller's permission for the command, validates the
 * input against the contract's schema, runs the handler and turns any failure into an error value.
 */
export async function dispatch(handlers: Handlers, name: string, rawInput: unknown, ctx: RequestContext): Promise<Result<unknown>> {
  if (!isCommandName(name)) {
    return { ok: false, error: { code: 'not_found', message: `Unknown command "${name}".` } };
  }
  const denied = accessError(name, ctx);
  if (denied) return { ok: false, error: denied };
  const parsed = commands[name].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ');
    return { ok: false, error: { code: 'invalid_input', message: `The request for ${name} is not valid (${issues}).` } };
  }
  try {
    const handler = handlers[name] as (args: unknown, ctx: RequestContext) => unknown;
    return { ok: true, value: await handler(parsed.data, ctx) };
  } catch (err) {
    return { ok: false, error: toAppError(err) };
  }
}
