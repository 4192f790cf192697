import { mediaProtocol } from '../../shared/contract/bridge';

/**
 * The renderer's CSP under Electron: like browser mode's, plus media from the library protocol.
 * The dev server (electron-vite dev) needs inline scripts and a websocket for hot reload; builds never get them.
 */
export function electronCsp(dev: boolean): string {
  return [
    "default-src 'self'",
    `img-src 'self' data: blob: ${mediaProtocol}:`,
    `media-src 'self' blob: ${mediaProtocol}:`,
    "style-src 'self' 'unsafe-inline'",
    dev ? "script-src 'self' 'unsafe-inline'" : "script-src 'self'",
    dev ? "connect-src 'self' ws:" : "connect-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
}
