import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { SessionStatus } from '../../../../shared/contract/users';
import type { AppError } from '../../../../shared/result';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { bridge, invoke, onUnauthorized } from '../../lib/api';
import './auth-texts';
import './auth.css';
import { FirstStart } from './FirstStart';
import { endSession, lockedProfile, SessionContext } from './session-context';
import { SignInScreen } from './SignInScreen';
import { useInactivityLock } from './useInactivityLock';

/**
 * Shows the app only to a signed-in profile once the library has passwords, and locks it after the set time
 * without use. The desktop app first asks for an admin password; browser mode (scripts, tests, trying out) does not,
 * its per-launch link already keeps other people out, and the profile menu offers it.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<SessionStatus | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [later, setLater] = useState(false);

  const signedInAs = useRef<string | null>(null);

  const refresh = useCallback(async () => {
    const result = await invoke('session.status', {});
    if (result.ok) {
      const { mode, user } = result.value;
      // The server ended the session (unused for the lock time): ask that profile for its password again.
      if (mode === 'passwords' && !user && signedInAs.current) lockedProfile.set(signedInAs.current);
      signedInAs.current = mode === 'passwords' && user ? user.name : null;
      setStatus(result.value);
      setError(null);
    } else setError(result.error);
  }, []);

  useEffect(() => {
    void refresh();
    // Any refused command may mean the session ended meanwhile; if so, the sign-in screen replaces the app.
    const stopListening = onUnauthorized(() => void refresh());
    // Coming back to the window: the server may have ended an idle session meanwhile.
    const onVisible = () => document.visibilityState === 'visible' && void refresh();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      stopListening();
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh]);

  const signedIn = status?.mode === 'passwords' && status.user !== null;
  const name = status?.user?.name ?? '';
  const lock = useCallback(() => void endSession(name, true), [name]);
  useInactivityLock(status?.lockMinutes ?? 10, signedIn, lock);
  const session = useMemo(() => (status ? { status, refresh } : null), [status, refresh]);

  if (error) return <ErrorMessage error={error} onRetry={() => void refresh()} />;
  if (!status || !session) return <Loading />;
  if (status.mode === 'passwords' && !status.user) return <SignInScreen lockMinutes={status.lockMinutes} onSignedIn={() => void refresh()} />;
  if (status.mode === 'single-user' && bridge.platform === 'electron' && !later && status.user) {
    return <FirstStart admin={status.user.name} lockMinutes={status.lockMinutes} onDone={() => void refresh()} onLater={() => setLater(true)} />;
  }
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
