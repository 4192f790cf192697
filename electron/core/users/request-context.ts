import type { Library } from '../library';
import type { RequestContext, SessionControl } from '../api/context';
import { sessionUser } from './user-info';

/** The admin a single-user library runs as: the oldest admin profile (the one the first start made). */
function soleAdmin(lib: Library) {
  return lib.repos.users
    .list()
    .filter((u) => u.roles.includes('admin'))
    .sort((a, b) => a.id - b.id)[0];
}

/**
 * Who a request from the UI runs as. While no profile has a password, everyone is the admin and nobody signs in;
 * after that, only a live session counts, and its profile's roles are read afresh, so a change applies at once.
 */
export function requestContext(lib: Library, signedInUserId: number | undefined, session?: SessionControl): RequestContext {
  if (!lib.repos.users.anyPassword()) {
    const admin = soleAdmin(lib);
    if (admin) return { actor: admin.name, user: sessionUser(admin, true), session };
  }
  const record = signedInUserId === undefined ? undefined : lib.repos.users.get(signedInUserId);
  if (!record || record.passwordHash === null) return { actor: 'nobody', user: null, session };
  return { actor: record.name, user: sessionUser(record), session };
}
