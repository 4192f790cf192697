import type { RequestContext, SessionControl } from '../api/context';
import type { Library } from '../library';
import { lockMinutes } from './lock-setting';
import { requestContext } from './request-context';
import { SessionStore } from './sessions';

/** The desktop app's one window has one session per launch; quitting signs out. */
export function createLaunchSession(lib: Library): () => RequestContext {
  const store = new SessionStore(() => lockMinutes(lib) * 60_000);
  let current: string | undefined;
  const control: SessionControl = {
    via: 'desktop',
    signIn(user) {
      store.end(current);
      current = store.start(user.id);
    },
    signOut() {
      store.end(current);
      current = undefined;
    },
  };
  return () => requestContext(lib, store.use(current), control);
}
