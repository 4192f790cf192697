import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CommandName } from '../../shared/contract';
import type { AppError } from '../../shared/result';
import type { RequestContext, SessionControl } from '../core/api/context';
import { accessError } from '../core/api/dispatch';
import type { Library } from '../core/library';
import { lockMinutes } from '../core/users/lock-setting';
import { requestContext } from '../core/users/request-context';
import { SessionStore } from '../core/users/sessions';
import { cookieValue } from './request-guard';

/** Separate from the launch token: the token says "this browser may talk to ClearFrame", the session "as whom". */
export const sessionCookie = 'cf_session';

export interface BrowserRequest {
  ctx: RequestContext;
  /** Access for routes outside the contract (media, uploads), judged like the command that goes with them. */
  refusal(command: CommandName): AppError | null;
  /** Sets or clears the session cookie when the request signed in or out. */
  writeCookie(res: ServerResponse): void;
}

export function createBrowserSessions(lib: Library): (req: IncomingMessage) => BrowserRequest {
  const store = new SessionStore(() => lockMinutes(lib) * 60_000);
  return (req) => {
    let id = cookieValue(req.headers.cookie, sessionCookie);
    let cookie: string | undefined;
    const control: SessionControl = {
      via: 'browser',
      signIn(user) {
        store.end(id);
        id = store.start(user.id);
        cookie = `${sessionCookie}=${id}; HttpOnly; SameSite=Strict; Path=/`;
      },
      signOut() {
        store.end(id);
        id = undefined;
        cookie = `${sessionCookie}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`;
      },
    };
    const ctx = requestContext(lib, store.use(id), control);
    return {
      ctx,
      refusal: (command) => accessError(command, ctx),
      writeCookie(res) {
        if (cookie) res.setHeader('Set-Cookie', cookie);
      },
    };
  };
}
