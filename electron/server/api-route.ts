import type { IncomingMessage, ServerResponse } from 'node:http';
import { dispatch, type Handlers } from '../core/api/dispatch';
import type { BrowserRequest } from './browser-session';
import { BodyTooLargeError, readBody, sendResult } from './http-util';

/** csv.import carries the file as base64 in its JSON body. */
const maxJsonBytes = 80 * 1024 * 1024;

/** `POST /api/<command>`: the body is the command's input; the answer is always the command's Result. */
export async function handleApi(req: IncomingMessage, res: ServerResponse, handlers: Handlers, name: string, caller: BrowserRequest): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    sendResult(res, 405, { ok: false, error: { code: 'invalid_input', message: `Send ${name} as a POST request with a JSON body.` } });
    return;
  }
  let input: unknown;
  try {
    const body = await readBody(req, maxJsonBytes);
    input = body.length === 0 ? undefined : JSON.parse(body.toString('utf8'));
  } catch (err) {
    if (err instanceof BodyTooLargeError) {
      sendResult(res, 413, { ok: false, error: { code: 'invalid_input', message: `The request is larger than ${maxJsonBytes / 1024 / 1024} MB; send a smaller file.` } });
    } else {
      sendResult(res, 400, { ok: false, error: { code: 'invalid_input', message: 'The request body is not valid JSON.' } });
    }
    return;
  }
  const result = await dispatch(handlers, name, input, caller.ctx);
  caller.writeCookie(res);
  sendResult(res, 200, result);
}
