import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHandlers } from '../core/api/handlers';
import { closeAppLibrary } from '../core/close-app-library';
import { detectFacesAfterImports } from '../core/faces/detect-after-import';
import { openLibrary } from '../core/library';
import { recoverInterruptedImports } from '../core/media/import-service';
import { handleApi } from './api-route';
import { createBrowserSessions } from './browser-session';
import { handleEvents } from './events-route';
import { send, sendResult, sendText } from './http-util';
import { handleMedia, isMediaPath } from './media-route';
import { createRequestGuard } from './request-guard';
import { defaultRendererRoot, handleStatic } from './static-route';
import { handleUpload } from './upload-route';

export interface ServerOptions {
  /** The library folder to open. */
  home: string;
  /** 0 (the default) lets the system pick a free port. */
  port?: number;
  /** The built renderer; defaults to out/renderer. */
  rendererRoot?: string;
}

export interface RunningServer {
  /** The address to open, token included: `http://127.0.0.1:PORT/?token=TOKEN`. */
  url: string;
  token: string;
  port: number;
  /** Stops answering, ends open event streams, stops running jobs and closes the library. */
  close(): Promise<void>;
}

/**
 * Browser mode: the contract over HTTP on this machine only, for the holder of the per-launch token; once the library
 * has passwords, each browser also signs in to a profile (a session cookie).
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const lib = openLibrary(options.home);
  recoverInterruptedImports(lib);
  const stopDetecting = detectFacesAfterImports(lib);
  const handlers = createHandlers(lib);
  const sessions = createBrowserSessions(lib);
  const token = randomBytes(32).toString('base64url');
  const rendererRoot = options.rendererRoot ?? defaultRendererRoot;
  const server = createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      // Loopback only, never configurable: the library holds pupils' personal data.
      server.listen(options.port ?? 0, '127.0.0.1', resolve);
    });
  } catch (err) {
    stopDetecting();
    await closeAppLibrary(lib);
    throw err;
  }
  const port = (server.address() as AddressInfo).port;
  const guard = createRequestGuard(token, port);

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // Route on the raw path: URL parsing would quietly resolve `..` and `%2e%2e` before anyone could refuse them.
    const rawUrl = req.url ?? '/';
    const rawPath = rawUrl.split('?')[0] ?? '/';
    const url = new URL(`http://127.0.0.1${rawUrl.startsWith('/') ? rawUrl : `/${rawUrl}`}`);
    const decision = guard(req, url);
    if (decision.kind === 'deny') return sendText(res, decision.status, decision.sentence);
    if (decision.kind === 'login') {
      return send(res, 303, { Location: decision.location, 'Set-Cookie': decision.cookie, 'Cache-Control': 'no-store' });
    }
    if (rawPath === '/api/events' && req.method === 'GET') return handleEvents(req, res, lib.events);
    if (rawPath.startsWith('/api/')) return handleApi(req, res, handlers, rawPath.slice('/api/'.length), sessions(req));
    // Media and uploads are judged like the commands they stand in for: seeing media, importing it.
    const standsFor = isMediaPath(rawPath) ? 'media.get' : rawPath === '/upload' ? 'media.import' : null;
    if (standsFor === null) return handleStatic(req, res, rendererRoot, rawPath);
    const refused = sessions(req).refusal(standsFor);
    if (refused) {
      const status = refused.code === 'unauthorized' ? 401 : 403;
      return standsFor === 'media.get' ? sendText(res, status, refused.message) : sendResult(res, status, { ok: false, error: refused });
    }
    return standsFor === 'media.get' ? handleMedia(req, res, lib, rawPath) : handleUpload(req, res, lib, url);
  };

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    route(req, res).catch((err: unknown) => {
      console.error('ClearFrame server error:', err);
      if (!res.headersSent) sendText(res, 500, 'ClearFrame could not answer this request; see the terminal for details.');
      else res.destroy();
    });
  });

  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Event streams never end on their own.
        server.closeAllConnections();
      }).finally(() => {
        stopDetecting();
        return closeAppLibrary(lib);
      })),
  };
}
