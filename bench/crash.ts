import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { todayIso } from '../shared/domain/dates';
import { crashCorpus, crashRun } from '../tests/integration/crash-kit';

/**
 * `npm run bench -- crash [--quick] [--seed N]`: the crash test of `npm test` with many more kill points
 * (SIGKILL at random moments of import, face detection and export) over a larger set of photos. Writes
 * the problems found per stage (none, when all is well) to bench/results/crash-<date>.json and exits 1 if any.
 */
export async function runCrashBench(args: string[]): Promise<unknown> {
  const quick = args.includes('--quick');
  const seedArg = args.indexOf('--seed');
  const seed = seedArg >= 0 ? Number(args[seedArg + 1]) : Date.now() % 1_000_000;
  const kills = quick ? 3 : 10;
  const root = mkdtempSync(join(tmpdir(), 'cf-bench-crash-'));
  try {
    const folder = join(root, 'photos');
    const paths = await crashCorpus(folder, quick ? 9 : 24, { width: 1280, height: 960 });
    const t0 = performance.now();
    const stages = await crashRun(root, { folder, paths }, { import: kills, detect: kills, export: kills }, seed);
    const result = { bench: 'crash', date: todayIso(), seed, photos: paths.length, killsPerStage: kills, seconds: Number(((performance.now() - t0) / 1000).toFixed(1)), stages };
    const json = JSON.stringify(result, null, 2);
    process.stdout.write(`${json}\n`);
    if (!quick) {
      mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
      writeFileSync(join(import.meta.dirname, 'results', `crash-${todayIso()}.json`), `${json}\n`);
    }
    if (stages.some((s) => s.problems.length > 0)) process.exitCode = 1;
    return result;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
