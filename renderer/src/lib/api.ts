import type { CommandInput, CommandName, CommandResult, EventName, EventPayload } from '../../../shared/contract';
import type { Bridge, MediaVariant } from '../../../shared/contract/bridge';
import type { AppError, Result } from '../../../shared/result';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    clearframe?: Bridge;
  }
}

type Listener = <K extends EventName>(name: K, payload: EventPayload<K>) => void;

/** Every event the core sends; `satisfies` makes the compiler flag a new event nobody listens for. */
const eventNames = Object.keys({
  'library.changed': true,
  'job.progress': true,
  'job.finished': true,
} satisfies Record<EventName, true>) as EventName[];

function failure(code: AppError['code'], message: string): { ok: false; error: AppError } {
  return { ok: false, error: { code, message } };
}

function isResult(body: unknown): body is Result<unknown> {
  return typeof body === 'object' && body !== null && 'ok' in body;
}

async function postJson(url: string, body: BodyInit, contentType: string): Promise<Result<unknown>> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': contentType }, body });
  } catch {
    return failure('io_error', 'ClearFrame could not reach its server. Check that ClearFrame is still running.');
  }
  const parsed: unknown = await res.json().catch(() => null);
  if (isResult(parsed)) return parsed;
  if (res.status === 401) return failure('unauthorized', 'The server did not recognise this browser session.');
  if (res.status === 403) return failure('forbidden', 'The server refused this request.');
  return failure('internal', `The server answered with status ${res.status}.`);
}

/** Browser mode: the same Bridge over HTTP on 127.0.0.1, authenticated by the session cookie. */
function httpBridge(): Bridge {
  const listeners = new Set<Listener>();
  let source: EventSource | null = null;

  const connect = () => {
    source = new EventSource('/api/events', { withCredentials: true });
    for (const name of eventNames) {
      source.addEventListener(name, (e) => {
        const payload = JSON.parse((e as MessageEvent<string>).data) as EventPayload<typeof name>;
        for (const l of listeners) l(name, payload);
      });
    }
  };

  return {
    platform: 'browser',
    invoke: (name, input) =>
      postJson(`/api/${name}`, JSON.stringify(input ?? {}), 'application/json') as Promise<Result<CommandResult<typeof name>>>,
    onEvent(listener) {
      listeners.add(listener);
      if (!source) connect();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && source) {
          source.close();
          source = null;
        }
      };
    },
    mediaUrl: (variant: MediaVariant, mediaId: number) => `/media/${variant}/${mediaId}`,
    async stageFiles(files) {
      const paths: string[] = [];
      for (const file of files) {
        const result = await postJson(`/upload?name=${encodeURIComponent(file.name)}`, file, 'application/octet-stream');
        if (!result.ok) return result;
        paths.push((result.value as { path: string }).path);
      }
      return { ok: true, value: paths };
    },
  };
}

/** The one client of the contract in the renderer. */
export const bridge: Bridge = window.clearframe ?? httpBridge();

const unauthorizedListeners = new Set<() => void>();

/**
 * Called whenever a command is refused as `unauthorized`: the session may have ended on the server (unused for
 * the lock time, or the profile was removed). The auth gate then reads the session again and asks to sign in.
 */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export async function invoke<K extends CommandName>(name: K, input: CommandInput<K>): Promise<Result<CommandResult<K>>> {
  const result = await bridge.invoke(name, input);
  // Not for the session commands themselves: a refused sign-in is a wrong password, and reading the session is the reaction.
  if (!result.ok && result.error.code === 'unauthorized' && !name.startsWith('session.')) for (const listener of unauthorizedListeners) listener();
  return result;
}

export const mediaUrl = (variant: MediaVariant, mediaId: number): string => bridge.mediaUrl(variant, mediaId);
