import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Library } from '../core/library';
import { sendResult } from './http-util';
import { sanitiseUploadName } from './upload-name';

/** Larger than any school video we expect, small enough that a runaway upload cannot fill the disk silently. */
const maxUploadBytes = 8 * 1024 * 1024 * 1024;

/**
 * `POST /upload?name=<file name>` with the file's bytes as the body: browser mode's stand-in for a dropped file's
 * path. The file lands in the library's tmp folder (cleared at every start) and its path goes to media.import.
 */
export async function handleUpload(req: IncomingMessage, res: ServerResponse, lib: Library, url: URL): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    sendResult(res, 405, { ok: false, error: { code: 'invalid_input', message: 'Send uploads as a POST request.' } });
    return;
  }
  const rawName = url.searchParams.get('name');
  if (!rawName) {
    sendResult(res, 400, { ok: false, error: { code: 'invalid_input', message: 'Name the uploaded file with ?name=.' } });
    return;
  }
  if (Number(req.headers['content-length']) > maxUploadBytes) {
    sendResult(res, 413, { ok: false, error: { code: 'invalid_input', message: 'This file is larger than 8 GB and cannot be uploaded.' } });
    req.resume();
    return;
  }
  const dir = join(lib.paths.tmp, 'uploads', randomBytes(12).toString('hex'));
  const path = join(dir, sanitiseUploadName(rawName));
  let received = 0;
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await pipeline(
      req,
      async function* limit(source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          received += chunk.length;
          if (received > maxUploadBytes) throw new Error('too large');
          yield chunk;
        }
      },
      createWriteStream(path, { mode: 0o600, flags: 'wx' }),
    );
  } catch {
    await rm(dir, { recursive: true, force: true });
    if (!res.headersSent && !res.destroyed) {
      sendResult(res, received > maxUploadBytes ? 413 : 500, {
        ok: false,
        error: { code: 'io_error', message: `The file ${rawName} could not be received; try again.` },
      });
    }
    return;
  }
  sendResult(res, 200, { ok: true, value: { path } });
}
