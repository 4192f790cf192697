import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorkerOptions } from 'node:worker_threads';

export interface WorkerEntry {
  filename: string;
  options: WorkerOptions;
}

/**
 * Where the detector thread's code is. The Electron build emits `detector-worker.js` next to the
 * bundle (see electron.vite.config.ts). Run from source (tsx for the CLI and browser mode, vitest in
 * tests), the thread loads the TypeScript through tsx's require hook: Node 20 does not apply
 * `--import tsx` given in a worker's execArgv before the worker's entry module loads.
 */
export function detectorWorkerEntry(): WorkerEntry {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const dir of [here, dirname(here)]) {
    const built = join(dir, 'detector-worker.js');
    if (existsSync(built)) return { filename: built, options: {} };
  }
  const source = join(here, 'detector-worker.ts');
  const tsxHook = createRequire(import.meta.url).resolve('tsx/cjs');
  return { filename: `require(${JSON.stringify(tsxHook)}); require(${JSON.stringify(source)});`, options: { eval: true } };
}
