import type {} from 'electron';
import { accessError, dispatch } from '../core/api/dispatch';
import { createHandlers } from '../core/api/handlers';
import { closeAppLibrary } from '../core/close-app-library';
import { detectFacesAfterImports } from '../core/faces/detect-after-import';
import { openLibrary, type Library } from '../core/library';
import { recoverInterruptedImports } from '../core/media/import-service';
import { resolveMediaFile } from '../core/media/media-files';
import { createLaunchSession } from '../core/users/launch-session';
import { toAppError } from '../../shared/result';
import type { FromCore, ToCore } from './core-messages';

/** Answers the main process's messages against one open library. */
export function createCoreHost(lib: Library, post: (message: FromCore) => void): (message: Exclude<ToCore, { kind: 'close' }>) => Promise<void> {
  const handlers = createHandlers(lib);
  const caller = createLaunchSession(lib);
  lib.events.onAny((name, payload) => post({ kind: 'event', name, payload }));
  return async (message) => {
    if (message.kind === 'invoke') {
      post({ kind: 'reply', id: message.id, result: await dispatch(handlers, message.name, message.input, caller()) });
      return;
    }
    const refused = accessError('media.get', caller());
    if (refused) return post({ kind: 'reply', id: message.id, result: { ok: false, error: refused } });
    try {
      const file = await resolveMediaFile(lib, message.variant, message.mediaId);
      post({ kind: 'reply', id: message.id, result: { ok: true, value: file } });
    } catch (err) {
      post({ kind: 'reply', id: message.id, result: { ok: false, error: toAppError(err) } });
    }
  };
}

/**
 * Entry of the utility process (a second main-process bundle): SQLite, sharp and ffmpeg work happen here, so a
 * long query or import never freezes the window. The library folder arrives as the first argument.
 */
function runInUtilityProcess(): void {
  const port = process.parentPort;
  const home = process.argv[2];
  if (!home) throw new Error('core-host needs the library folder as its first argument.');
  let lib: Library;
  let stopDetecting: () => void;
  try {
    lib = openLibrary(home);
    recoverInterruptedImports(lib);
    stopDetecting = detectFacesAfterImports(lib);
  } catch (err) {
    port.postMessage({ kind: 'failed', message: toAppError(err).message } satisfies FromCore);
    return;
  }
  const handle = createCoreHost(lib, (m) => port.postMessage(m));
  port.on('message', (e) => {
    const message = e.data as ToCore;
    if (message.kind !== 'close') return void handle(message);
    stopDetecting();
    void closeAppLibrary(lib).finally(() => process.exit(0));
  });
  port.postMessage({ kind: 'ready' } satisfies FromCore);
}

if (process.parentPort) runInUtilityProcess();
