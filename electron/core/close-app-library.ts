import { setTimeout as sleep } from 'node:timers/promises';
import { detectorPool } from './faces/detector-pool';
import type { Library } from './library';

/** A job that has not stopped by then (a stuck decoder) must not keep ClearFrame from quitting. */
const jobsStopWithinMs = 15_000;

/**
 * How the app (desktop and browser mode) closes its library: running jobs (an import, a face detection)
 * are cancelled and awaited first, so none writes to a closed database, and the face detector's threads
 * end instead of idling on with their models in memory.
 */
export async function closeAppLibrary(lib: Library): Promise<void> {
  try {
    await Promise.race([lib.jobs.stopAll(), sleep(jobsStopWithinMs, undefined, { ref: false })]);
    await detectorPool().close();
  } finally {
    lib.close();
  }
}
