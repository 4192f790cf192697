import type { JobInfo } from '../../../shared/contract/jobs';
import type { RequestContext } from '../api/context';
import type { Library } from '../library';
import { startFaceDetection } from './detection-service';
import { readFaceSettings } from './face-settings';

/** Detection started by ClearFrame itself is recorded in the audit log under this name. */
const automatic: RequestContext = { actor: 'clearframe (after import)' };

/**
 * In the app (desktop and browser mode), every import that brought media in is followed by a face
 * detection job over whatever is not scanned yet, unless the school switched that off in the face
 * settings (read when the import finishes). One job at a time: an import finishing while it runs
 * queues one more run. The command line does not use this: `faces detect` is explicit there.
 * Returns the function that stops watching; a job already running is left to `lib.jobs.stopAll()`.
 */
export function detectFacesAfterImports(lib: Library): () => void {
  let running = false;
  let again = false;
  let stopped = false;
  const run = () => {
    running = true;
    again = false;
    startFaceDetection(lib, automatic, { all: true, force: false })
      .done.catch(() => undefined)
      .finally(() => {
        running = false;
        if (again && !stopped) run();
      });
  };
  const unsubscribe = lib.events.onAny((name, payload) => {
    if (name !== 'job.finished') return;
    const job = payload as JobInfo;
    // A cancelled import keeps what it imported, so that is scanned too.
    if (job.kind !== 'import' || job.status === 'failed') return;
    if (!readFaceSettings(lib).detectAfterImport) return;
    if (running) again = true;
    else run();
  });
  return () => {
    stopped = true;
    unsubscribe();
  };
}
