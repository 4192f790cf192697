import type { JobInfo } from '../../../shared/contract/jobs';
import type { RequestContext } from '../api/context';
import type { Library } from '../library';
import { startFaceDetection } from './detection-service';

/** Detection started by ClearFrame itself is recorded in the audit log under this name. */
const automatic: RequestContext = { actor: 'clearframe (after import)' };

/**
 * In the app (desktop and browser mode), every import that brought media in is followed by a face
 * detection job over whatever is not scanned yet. One job at a time: an import finishing while it
 * runs queues one more run. The command line does not use this: `faces detect` is explicit there.
 * Returns the function that stops watching.
 */
export function detectFacesAfterImports(lib: Library): () => void {
  let running = false;
  let again = false;
  const run = () => {
    running = true;
    again = false;
    startFaceDetection(lib, automatic, { all: true, force: false })
      .done.catch(() => undefined)
      .finally(() => {
        running = false;
        if (again) run();
      });
  };
  return lib.events.onAny((name, payload) => {
    if (name !== 'job.finished') return;
    const job = payload as JobInfo;
    // A cancelled import keeps what it imported, so that is scanned too.
    if (job.kind !== 'import' || job.status === 'failed') return;
    if (running) again = true;
    else run();
  });
}
