import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const tokenCookie = 'cf_token';

export type GuardDecision =
  | { kind: 'allow' }
  | { kind: 'deny'; status: 401 | 403; sentence: string }
  /** A valid `?token=` link: set the cookie and drop the token from the address bar and history. */
  | { kind: 'login'; location: string; cookie: string };

function sameSecret(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * Decides who may talk to the browser-mode server. Only this machine can connect (127.0.0.1), but any web page
 * open in any browser on it could try: the Host check stops DNS rebinding, the Origin check stops cross-site
 * requests, and the per-launch token stops other local pages and users who do not have the printed link.
 */
export function createRequestGuard(token: string, port: number): (req: IncomingMessage, url: URL) => GuardDecision {
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const origins = new Set([...hosts].map((h) => `http://${h}`));

  return (req, url) => {
    if (!hosts.has(req.headers.host ?? '')) {
      return { kind: 'deny', status: 403, sentence: 'ClearFrame only answers requests addressed to 127.0.0.1 or localhost.' };
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !origins.has(origin)) {
      return { kind: 'deny', status: 403, sentence: 'ClearFrame does not answer requests from other web sites.' };
    }
    const queryToken = url.searchParams.get('token');
    if (queryToken !== null) {
      if (!sameSecret(queryToken, token) || req.method !== 'GET') {
        return { kind: 'deny', status: 401, sentence: 'This link is not valid: open the address printed in the terminal where ClearFrame was started.' };
      }
      const clean = new URL(url);
      clean.searchParams.delete('token');
      return {
        kind: 'login',
        // One leading slash only: `//host/` would send the browser to another site.
        location: `/${clean.pathname.replace(/^[/\\]+/, '')}${clean.search}`,
        cookie: `${tokenCookie}=${token}; HttpOnly; SameSite=Strict; Path=/`,
      };
    }
    const auth = req.headers.authorization;
    const bearer = auth?.startsWith('Bearer ') ? auth.slice('Bearer '.length) : undefined;
    const presented = bearer ?? cookieValue(req.headers.cookie, tokenCookie);
    if (presented !== undefined && sameSecret(presented, token)) return { kind: 'allow' };
    return { kind: 'deny', status: 401, sentence: 'Open ClearFrame with the address printed in the terminal where it was started (it carries a one-time token).' };
  };
}
