import { utilityProcess, type UtilityProcess } from 'electron';
import type { MediaVariant } from '../../shared/contract/bridge';
import type { Result } from '../../shared/result';
import type { FromCore, ToCore } from './core-messages';

export interface CoreClient {
  invoke(name: string, input: unknown): Promise<Result<unknown>>;
  mediaFile(variant: MediaVariant, mediaId: number): Promise<Result<{ path: string; mime: string }>>;
  onEvent(listener: (name: string, payload: unknown) => void): void;
  close(): Promise<void>;
}

type Request = Exclude<ToCore, { kind: 'close' }>;
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/** Starts the core host utility process and relays requests to it; resolves once the library is open. */
export function startCore(hostModule: string, home: string): Promise<CoreClient> {
  const child: UtilityProcess = utilityProcess.fork(hostModule, [home], { serviceName: 'ClearFrame library', stdio: 'inherit' });
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners: ((name: string, payload: unknown) => void)[] = [];
  let nextId = 1;
  let exited = false;

  const request = (message: WithoutId<Request>): Promise<Result<unknown>> => {
    if (exited) return Promise.resolve({ ok: false, error: { code: 'internal', message: 'The library process has stopped; restart ClearFrame.' } });
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      child.postMessage({ ...message, id } as ToCore);
    });
  };

  const client: CoreClient = {
    invoke: (name, input) => request({ kind: 'invoke', name, input }),
    mediaFile: (variant, mediaId) => request({ kind: 'media', variant, mediaId }) as Promise<Result<{ path: string; mime: string }>>,
    onEvent: (listener) => void listeners.push(listener),
    close: () =>
      new Promise((resolve) => {
        if (exited) return resolve();
        child.once('exit', () => resolve());
        child.postMessage({ kind: 'close' } satisfies ToCore);
      }),
  };

  return new Promise((resolve, reject) => {
    child.on('message', (message: FromCore) => {
      if (message.kind === 'ready') resolve(client);
      else if (message.kind === 'failed') reject(new Error(message.message));
      else if (message.kind === 'event') for (const l of listeners) l(message.name, message.payload);
      else {
        pending.get(message.id)?.(message.result);
        pending.delete(message.id);
      }
    });
    child.on('exit', (code) => {
      exited = true;
      for (const settle of pending.values()) settle({ ok: false, error: { code: 'internal', message: 'The library process stopped unexpectedly; restart ClearFrame.' } });
      pending.clear();
      reject(new Error(`The library process exited with code ${code} before it was ready.`));
    });
  });
}
