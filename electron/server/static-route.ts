import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { send, sendText } from './http-util';

/** Where `electron-vite build` puts the renderer; the same files Electron loads from disk. */
export const defaultRendererRoot = fileURLToPath(new URL('../../out/renderer/', import.meta.url));

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

async function fileAt(path: string): Promise<Buffer | undefined> {
  try {
    return (await stat(path)).isFile() ? await readFile(path) : undefined;
  } catch {
    return undefined;
  }
}

/** Serves the built renderer; any other page address gets index.html so the app can route it. */
export async function handleStatic(req: IncomingMessage, res: ServerResponse, root: string, rawPath: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(res, 405, 'Only GET requests are answered here.');
    return;
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    sendText(res, 400, 'This address is not valid.');
    return;
  }
  const base = resolve(root);
  const wanted = resolve(base, `.${decoded}`);
  const escapes = (wanted !== base && !wanted.startsWith(base + sep)) || decoded.includes('\0');
  const body = escapes ? undefined : await fileAt(wanted);
  const headers = (path: string, immutable: boolean) => ({
    'Content-Type': contentTypes[extname(path).toLowerCase()] ?? 'application/octet-stream',
    'Cache-Control': immutable ? 'private, max-age=31536000, immutable' : 'no-cache',
  });
  if (body) {
    // Vite puts a content hash in every asset name, so an asset never changes under its name.
    send(res, 200, headers(wanted, decoded.startsWith('/assets/')), req.method === 'HEAD' ? undefined : body);
    return;
  }
  if (decoded.startsWith('/assets/') || escapes) {
    sendText(res, 404, 'There is no such file.');
    return;
  }
  const index = await fileAt(join(base, 'index.html'));
  if (!index) {
    sendText(res, 503, 'The ClearFrame interface is not built yet: run `npm run build` (npm start does this for you).');
    return;
  }
  send(res, 200, headers('index.html', false), req.method === 'HEAD' ? undefined : index);
}
