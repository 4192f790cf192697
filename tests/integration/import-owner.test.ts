import { spawn, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibrary } from '../../electron/core/library';
import { staleAfterMs, thisProcess } from '../../electron/core/media/batch-owner';
import { recoverInterruptedImports, startMediaImport } from '../../electron/core/media/import-service';
import { actor, noisyJpegs, tempLibrary } from './media-test-kit';

let t: ReturnType<typeof tempLibrary>;
beforeEach(() => {
  t = tempLibrary();
});
afterEach(() => t.cleanup());

const child = resolve(__dirname, 'media-crash-child.ts');
const defaults = { creator: null, rightsHolder: null, license: null, credit: null, schoolId: null };

function setOwner(batchId: number, pid: number | null, host: string | null, heartbeatAt: string | null): void {
  t.lib.db.prepare('UPDATE import_batches SET owner_pid = ?, owner_host = ?, heartbeat_at = ? WHERE id = ?').run(pid, host, heartbeatAt, batchId);
}

describe('import batches and the process that owns them', () => {
  it('a second process opening the library leaves the running import of another live process alone', { timeout: 120_000 }, async () => {
    const folder = join(t.scratch, 'photos');
    await noisyJpegs(folder, 24, 1600, 1200);
    // The other process: a command-line import, as media-crash-child.ts runs it.
    const proc = spawn(process.execPath, ['--import', 'tsx', child, t.home, folder], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
    let out = '';
    const batchId = await new Promise<number>((resolveBatch, reject) => {
      proc.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /batch (\d+)/.exec(out);
        if (m) resolveBatch(Number(m[1]));
      });
      proc.on('exit', () => reject(new Error(`the child ended before it started its import: ${out}`)));
    });

    // This process opens the library while the other one imports (as the server does when the CLI runs).
    const lib = openLibrary(t.home);
    try {
      expect(recoverInterruptedImports(lib)).toBe(0);
      const batch = lib.repos.imports.getBatch(batchId)!;
      expect(batch).toMatchObject({ status: 'running', ownerPid: proc.pid, ownerHost: thisProcess().host });
      expect(() => startMediaImport(lib, actor, [folder])).toThrow(/Another ClearFrame program .* is importing these files now/);
    } finally {
      lib.close();
    }

    expect(await exited).toBe(0);
    const check = openLibrary(t.home);
    try {
      expect(check.repos.imports.getBatch(batchId)).toMatchObject({ status: 'done', total: 24 });
    } finally {
      check.close();
    }
  });

  it('takes over a batch whose process has exited, or whose heartbeat stopped long ago, and no other', () => {
    const { imports } = t.lib.repos;
    const exitedPid = spawnSync(process.execPath, ['-e', '']).pid!;
    const now = Date.now();
    const long = new Date(now - staleAfterMs - 60_000).toISOString();
    const recent = new Date(now - 60_000).toISOString();
    const host = thisProcess().host;
    const batch = (roots: string) => imports.createBatch(JSON.stringify([roots]), defaults);
    const deadHere = batch('/a');
    setOwner(deadHere, exitedPid, host, recent);
    const liveHere = batch('/b');
    setOwner(liveHere, process.ppid, host, recent);
    const elsewhereRecent = batch('/c');
    setOwner(elsewhereRecent, 4242, 'another-computer', recent);
    const elsewhereStale = batch('/d');
    setOwner(elsewhereStale, 4242, 'another-computer', long);
    const liveButStale = batch('/e');
    setOwner(liveButStale, process.ppid, host, long);
    const noOwner = batch('/f'); // from before migration 10

    expect(recoverInterruptedImports(t.lib)).toBe(4);
    const status = (id: number) => imports.getBatch(id)!.status;
    expect([deadHere, liveHere, elsewhereRecent, elsewhereStale, liveButStale, noOwner].map(status)).toEqual([
      'interrupted', 'running', 'running', 'interrupted', 'interrupted', 'interrupted',
    ]);
  });

  it('an import this process runs is its own: it records the owner and is never recovered by it', async () => {
    const folder = join(t.scratch, 'photos');
    await noisyJpegs(folder, 2, 320, 240);
    const run = startMediaImport(t.lib, actor, [folder]);
    expect(t.lib.repos.imports.getBatch(run.batchId)).toMatchObject({ status: 'running', ownerPid: process.pid });
    expect(recoverInterruptedImports(t.lib)).toBe(0);
    expect(await run.done).toMatchObject({ status: 'done', imported: 2 });
  });
});
