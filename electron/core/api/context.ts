import type { Profile } from '../../../shared/domain/permissions';

/** The signed-in profile a request runs as; roles and schools are read fresh for every request. */
export interface SessionUser extends Profile {
  id: number;
}

/**
 * Lets a command start or end the caller's session. Browser mode (a cookie) and the desktop app (one session per
 * launch) provide it; the command line signs in per call with --user and has none.
 */
export interface SessionControl {
  via: 'browser' | 'desktop';
  signIn(user: SessionUser): void;
  signOut(): void;
}

/** Who is asking. `actor` names the profile on every audit entry. */
export interface RequestContext {
  actor: string;
  /** The signed-in profile; null or absent means nobody is signed in, and dispatch refuses everything but signing in. */
  user?: SessionUser | null;
  session?: SessionControl;
}

/** The first-start admin of a single-user library: what scripts and tests that call the core directly run as. */
export const localAdmin: RequestContext = {
  actor: 'admin',
  user: { id: 1, name: 'admin', roles: ['admin'], schools: [], soleUser: true },
};
