import type { SessionStatus } from '../../../shared/contract/users';
import { ClearFrameError } from '../../../shared/result';
import type { RequestContext } from '../api/context';
import type { Library } from '../library';
import { sessionStatus } from './lock-setting';
import { authenticate } from './sign-in';
import { sessionUser } from './user-info';

const commandLineSignIn = 'On the command line, name your profile with --user NAME; the password comes from CLEARFRAME_PASSWORD or a prompt.';

/** Signs the caller's window in; in a single-user library there is nobody to sign in as, so nothing changes. */
export async function signIn(lib: Library, ctx: RequestContext, name: string, password: string): Promise<SessionStatus> {
  const session = ctx.session;
  if (!session) throw new ClearFrameError('unsupported', commandLineSignIn);
  if (!lib.repos.users.anyPassword()) return sessionStatus(lib, ctx);
  const record = await authenticate(lib, name, password, session.via);
  lib.transaction(() => lib.repos.audit.append(record.name, 'user.signed_in', `user:${record.id}`, { via: session.via }));
  const user = sessionUser(record);
  session.signIn(user);
  return sessionStatus(lib, { actor: record.name, user, session });
}

/** Ends the caller's session: by choice, or `locked` when the UI saw nobody use it for the lock time. */
export function signOut(lib: Library, ctx: RequestContext, locked: boolean): SessionStatus {
  const { user, session } = ctx;
  if (session && user && !user.soleUser) {
    lib.transaction(() => lib.repos.audit.append(user.name, locked ? 'user.locked' : 'user.signed_out', `user:${user.id}`, { via: session.via }));
  }
  session?.signOut();
  const anonymous = { actor: 'nobody', user: null, session };
  return lib.repos.users.anyPassword() ? sessionStatus(lib, anonymous) : sessionStatus(lib, ctx);
}
