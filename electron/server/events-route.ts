import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventBus } from '../core/events';
import { writeHead } from './http-util';

/** Keeps proxies and idle timers from closing a quiet stream, and lets the browser notice a dead server. */
const heartbeatMs = 15_000;

/** `GET /api/events`: every core event as a server-sent event named after it, with its payload as JSON. */
export function handleEvents(req: IncomingMessage, res: ServerResponse, events: EventBus): void {
  writeHead(res, 200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  res.write(': connected\n\n');
  const unsubscribe = events.onAny((name, payload) => {
    res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
  });
  const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), heartbeatMs);
  const stop = () => {
    clearInterval(heartbeat);
    unsubscribe();
  };
  req.on('close', stop);
  res.on('close', stop);
}
