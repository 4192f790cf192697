import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MediaVariant } from '../../shared/contract/bridge';
import { ClearFrameError } from '../../shared/result';
import type { Library } from '../core/library';
import { resolveMediaFile } from '../core/media/media-files';
import { sendText, writeHead } from './http-util';

/** Only a variant and a numeric library id, matched on the raw path: no dots, slashes or escapes get through. */
const mediaPath = /^\/media\/(thumb|preview|original)\/([1-9][0-9]{0,15})$/;

export function isMediaPath(rawPath: string): boolean {
  return rawPath === '/media' || rawPath.startsWith('/media/');
}

type ByteRange = { start: number; end: number } | 'unsatisfiable' | undefined;

/** One `bytes=a-b`, `bytes=a-` or `bytes=-n` range; video elements never ask for more than one. */
function parseRange(header: string | undefined, size: number): ByteRange {
  const m = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!m) return undefined;
  const [, from = '', to = ''] = m;
  if (from === '' && to === '') return 'unsatisfiable';
  const start = from === '' ? Math.max(0, size - Number(to)) : Number(from);
  const end = from === '' || to === '' ? size - 1 : Math.min(Number(to), size - 1);
  if (start > end || start >= size) return 'unsatisfiable';
  return { start, end };
}

/** `GET /media/<thumb|preview|original>/<id>`: the file behind a library id, with Range support for video. */
export async function handleMedia(req: IncomingMessage, res: ServerResponse, lib: Library, rawPath: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(res, 405, 'Media can only be read.');
    return;
  }
  const m = mediaPath.exec(rawPath);
  if (!m) {
    sendText(res, 400, 'Media addresses look like /media/thumb/123: a variant and a numeric id.');
    return;
  }
  const variant = m[1] as MediaVariant;
  let file: { path: string; mime: string };
  let size: number;
  try {
    file = await resolveMediaFile(lib, variant, Number(m[2]));
    size = (await stat(file.path)).size;
  } catch (err) {
    const missing = (err instanceof ClearFrameError && err.code === 'not_found') || (err as NodeJS.ErrnoException).code === 'ENOENT';
    sendText(res, missing ? 404 : 500, missing ? 'This media item or its file does not exist.' : 'The media file could not be read.');
    return;
  }
  const headers = {
    'Content-Type': file.mime,
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'private, no-cache',
  };
  const range = parseRange(req.headers.range, size);
  if (range === 'unsatisfiable') {
    writeHead(res, 416, { ...headers, 'Content-Range': `bytes */${size}` });
    res.end();
    return;
  }
  const { start, end } = range ?? { start: 0, end: size - 1 };
  writeHead(res, range ? 206 : 200, {
    ...headers,
    'Content-Length': String(Math.max(0, end - start + 1)),
    ...(range ? { 'Content-Range': `bytes ${start}-${end}/${size}` } : {}),
  });
  if (req.method === 'HEAD' || size === 0) {
    res.end();
    return;
  }
  const stream = createReadStream(file.path, { start, end });
  stream.on('error', () => res.destroy());
  res.on('close', () => stream.destroy());
  stream.pipe(res);
}
