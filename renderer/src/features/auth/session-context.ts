import { createContext, useContext } from 'react';
import type { SessionStatus } from '../../../../shared/contract/users';
import { invoke } from '../../lib/api';

export interface SessionState {
  status: SessionStatus;
  /** Reads the session again, e.g. after the first password signed this window in. */
  refresh: () => Promise<void>;
}

export const SessionContext = createContext<SessionState | null>(null);

/** The signed-in profile and how the library is protected; only inside AuthGate. */
export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession is used outside AuthGate.');
  return session;
}

const lockedKey = 'clearframe.lockedProfile';

/** Who was signed in when the app locked, so the sign-in screen only asks for the password. */
export const lockedProfile = {
  get: (): string | null => sessionStorage.getItem(lockedKey),
  set: (name: string) => sessionStorage.setItem(lockedKey, name),
  clear: () => sessionStorage.removeItem(lockedKey),
};

/**
 * Ends the session and starts the page afresh: nothing the previous profile loaded stays in memory for the next.
 * `locked`: nobody used the app for the lock time; the sign-in screen then asks this profile for its password.
 */
export async function endSession(name: string, locked: boolean): Promise<void> {
  await invoke('session.signOut', { locked });
  if (locked) lockedProfile.set(name);
  else lockedProfile.clear();
  window.location.reload();
}
