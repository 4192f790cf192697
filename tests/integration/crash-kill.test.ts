import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempRoot } from './cli-run';
import { crashCorpus, crashRun } from './crash-kit';

/**
 * The real command line killed with SIGKILL at random moments of an import, a face detection and an
 * export, restarted each time; after every kill the library must be whole (see crashProblems). A few kill
 * points here; `npm run bench -- crash` runs many more. The seed is printed so a failure can be repeated.
 */
const t = tempRoot('cf-crash-');
afterAll(() => t.remove());

describe('killed at random points', () => {
  it('import, detection and export leave a whole library that the next run finishes', { timeout: 240_000 }, async () => {
    const folder = join(t.root, 'photos');
    const paths = await crashCorpus(folder, 6, { width: 640, height: 480 });
    const seed = Number(process.env.CLEARFRAME_CRASH_SEED ?? Date.now() % 1_000_000);
    console.info(`crash test seed ${seed} (set CLEARFRAME_CRASH_SEED to repeat)`);
    // Detection is the slow stage (a face model on every photo): one kill point there, two elsewhere.
    const reports = await crashRun(t.root, { folder, paths }, { import: 2, detect: 1, export: 2 }, seed);
    expect(reports.map((r) => ({ stage: r.stage, problems: r.problems }))).toEqual([
      { stage: 'import', problems: [] },
      { stage: 'detect', problems: [] },
      { stage: 'export', problems: [] },
    ]);
    // The kill points fall within a run's time, so they hit a running command, or nothing was tested.
    expect(reports.reduce((n, r) => n + r.kills, 0)).toBeGreaterThanOrEqual(3);
  });
});
