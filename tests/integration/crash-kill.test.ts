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
    const paths = await crashCorpus(folder, 9, { width: 640, height: 480 });
    const seed = Number(process.env.CLEARFRAME_CRASH_SEED ?? Date.now() % 1_000_000);
    console.info(`crash test seed ${seed} (set CLEARFRAME_CRASH_SEED to repeat)`);
    const reports = await crashRun(t.home, { folder, paths }, join(t.root, 'out'), 2, seed, { import: [500, 1600], detect: [2500, 12000], export: [500, 2000] });
    expect(reports.map((r) => ({ stage: r.stage, problems: r.problems }))).toEqual([
      { stage: 'import', problems: [] },
      { stage: 'detect', problems: [] },
      { stage: 'export', problems: [] },
    ]);
    // At least some of the kill points must have hit a running command, or nothing was tested.
    expect(reports.reduce((n, r) => n + r.kills, 0)).toBeGreaterThanOrEqual(3);
  });
});
