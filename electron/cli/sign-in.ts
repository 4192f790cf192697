import type { RequestContext } from '../core/api/context';
import type { Library } from '../core/library';
import { CliError, exitCodes } from './cli-error';
import { promptPassword } from './password-prompt';

export interface CommandLineSignIn {
  ctx: RequestContext;
  /** The password given to sign in, for changing one's own password without asking twice. */
  password?: string;
}

/**
 * Who a command-line call runs as. A single-user library (no passwords yet) runs as its admin, or as the profile
 * named with --user, with that profile's roles. Once any password is set, every call names its profile and proves it.
 */
export async function signInCommandLine(lib: Library, name: string | undefined): Promise<CommandLineSignIn> {
  const [{ requestContext }, { authenticate }, { sessionUser }] = await Promise.all([
    import('../core/users/request-context'),
    import('../core/users/sign-in'),
    import('../core/users/user-info'),
  ]);
  if (!lib.repos.users.anyPassword()) {
    if (name === undefined) return { ctx: requestContext(lib, undefined) };
    const record = lib.repos.users.findByName(name);
    if (!record) throw new CliError('not_found', `There is no profile named "${name}"; clearframe users list shows them.`, exitCodes.failure);
    return { ctx: { actor: record.name, user: sessionUser(record) } };
  }
  if (name === undefined) {
    throw new CliError(
      'unauthorized',
      'This library uses passwords: name your profile with --user NAME (the password comes from CLEARFRAME_PASSWORD or a prompt).',
      exitCodes.failure,
    );
  }
  const password =
    process.env.CLEARFRAME_PASSWORD ??
    (await promptPassword(
      `Password for ${name}: `,
      `No password for ${name}: set CLEARFRAME_PASSWORD, or run clearframe in a terminal to be asked for it.`,
    ));
  const record = await authenticate(lib, name, password, 'cli');
  return { ctx: { actor: record.name, user: sessionUser(record) }, password };
}
