import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const sources = ['renderer', 'shared', 'electron/main', 'electron/preload', 'electron/core', 'electron.vite.config.ts', 'package.json'];
const outputs = ['out/renderer/index.html', 'out/main/index.js', 'out/main/core-host.js', 'out/preload/index.cjs'];

function newestMtime(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function oldestOutput(root) {
  let oldest = Infinity;
  for (const out of outputs) {
    try {
      oldest = Math.min(oldest, statSync(join(root, out)).mtimeMs);
    } catch {
      return 0;
    }
  }
  return oldest;
}

/** Whether out/ is missing a file or older than any source it is built from. */
export function buildIsStale(root) {
  const newestSource = Math.max(...sources.map((s) => newestMtime(join(root, s))));
  return oldestOutput(root) < newestSource;
}

/** Runs `electron-vite build` when out/ is stale; returns false if the build failed. */
export function buildIfStale(root, log) {
  if (!buildIsStale(root)) return true;
  log('Building ClearFrame (first start, or the sources changed)…');
  const pkg = createRequire(join(root, 'package.json')).resolve('electron-vite/package.json');
  const cli = join(dirname(pkg), 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [cli, 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  return result.status === 0;
}
