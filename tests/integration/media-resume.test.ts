import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkIntegrity } from '../../electron/core/db/connection';
import { openLibrary, type Library } from '../../electron/core/library';
import { contentPath } from '../../electron/core/library-paths';
import { recoverInterruptedImports, startMediaImport } from '../../electron/core/media/import-service';
import { actor, noisyJpegs, sha256, tempLibrary } from './media-test-kit';

let t: ReturnType<typeof tempLibrary>;
beforeEach(() => {
  t = tempLibrary();
});
afterEach(() => t.cleanup());

/** Each source file is in the library exactly once, complete, with its thumbnail and one 'imported' item. */
function expectEachFileImportedOnce(lib: Library, files: string[]): void {
  expect(checkIntegrity(lib.db)).toBe('ok');
  expect(lib.repos.media.count()).toBe(files.length);
  const shas = new Set(files.map(sha256));
  const rows = lib.db.prepare('SELECT id, sha256, ext FROM media').all() as { id: number; sha256: string; ext: string }[];
  expect(new Set(rows.map((r) => r.sha256))).toEqual(shas);
  for (const row of rows) {
    expect(sha256(contentPath(lib.paths.store, row.sha256, `.${row.ext}`))).toBe(row.sha256);
    expect(existsSync(contentPath(lib.paths.thumbs, row.sha256, '.jpg'))).toBe(true);
  }
  const claims = lib.db.prepare("SELECT media_id AS id, COUNT(*) AS n FROM import_items WHERE status = 'imported' GROUP BY media_id").all() as { id: number; n: number }[];
  expect(claims.map((c) => c.n)).toEqual(rows.map(() => 1));
  expect(lib.db.prepare("SELECT COUNT(*) AS n FROM import_items WHERE status <> 'imported'").get()).toEqual({ n: 0 });
  expect(lib.repos.audit.list().filter((e) => e.action === 'media.imported')).toHaveLength(files.length);
}

describe('cancel and resume', () => {
  it('leaves the remaining items pending on cancel and imports each file exactly once on resume', async () => {
    const folder = join(t.scratch, 'photos');
    const files = await noisyJpegs(folder, 12);
    const first = startMediaImport(t.lib, actor, [folder]);
    const stop = t.lib.events.onAny((name, payload) => {
      if (name === 'job.progress' && 'current' in payload && payload.id === first.jobId && payload.current >= 2) t.lib.jobs.cancel(first.jobId);
    });
    const cancelled = await first.done;
    stop();
    expect(cancelled.status).toBe('cancelled');
    const pending = t.lib.repos.imports.counts(first.batchId).pending;
    expect(pending).toBeGreaterThan(0);
    expect(cancelled.imported + pending).toBe(files.length);

    const resumed = startMediaImport(t.lib, actor, [folder]);
    expect(resumed.batchId).toBe(first.batchId);
    const report = await resumed.done;
    expect(report).toMatchObject({ status: 'done', total: files.length, imported: files.length, duplicates: 0, failed: [] });
    expectEachFileImportedOnce(t.lib, files);
  });

  it('resumes an import cancelled before its folder was even walked', async () => {
    const folder = join(t.scratch, 'photos');
    const files = await noisyJpegs(folder, 3, 320, 240);
    const first = startMediaImport(t.lib, actor, [folder]);
    t.lib.jobs.cancel(first.jobId);
    expect((await first.done).status).toBe('cancelled');
    const report = await startMediaImport(t.lib, actor, [folder]).done;
    expect(report).toMatchObject({ id: first.batchId, status: 'done', imported: 3 });
    expectEachFileImportedOnce(t.lib, files);
  });
});

const child = resolve(__dirname, 'media-crash-child.ts');

function finishedItems(database: string): number {
  if (!existsSync(database)) return 0;
  const db = new Database(database, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare("SELECT COUNT(*) AS n FROM import_items WHERE status <> 'pending'").get() as { n: number }).n;
  } catch {
    return 0; // the child has not created the tables yet
  } finally {
    db.close();
  }
}

/** Runs the child import and SIGKILLs it once `killAfter` items are finished; resolves with how many were. */
function importAndKill(home: string, folder: string, killAfter: number): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    // node with the tsx loader (what `npx tsx` runs), started directly so SIGKILL reaches the importing process itself.
    const proc = spawn(process.execPath, ['--import', 'tsx', child, home, folder], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const poll = setInterval(() => {
      if (finishedItems(join(home, 'library.sqlite')) >= killAfter) proc.kill('SIGKILL');
    }, 10);
    proc.on('exit', (code, signal) => {
      clearInterval(poll);
      if (signal === 'SIGKILL') resolvePromise(finishedItems(join(home, 'library.sqlite')));
      else reject(new Error(`the import finished (code ${code}) before it could be killed: ${stderr}`));
    });
  });
}

describe('a killed import', () => {
  it('leaves a consistent library that the next import resumes, importing each file exactly once', { timeout: 180_000 }, async () => {
    const folder = join(t.scratch, 'photos');
    const files = await noisyJpegs(folder, 30, 1600, 1200);
    t.lib.close();
    const home = t.home;

    let lastFinished = 0;
    for (const killAfter of [1, 8, 16]) {
      const finished = await importAndKill(home, folder, killAfter);
      expect(finished).toBeGreaterThanOrEqual(Math.max(killAfter, lastFinished));
      expect(finished).toBeLessThan(files.length);
      lastFinished = finished;
      const check = new Database(join(home, 'library.sqlite'), { readonly: true });
      expect(check.pragma('quick_check', { simple: true })).toBe('ok');
      // No half-recorded item: every media row is claimed by exactly one finished item, and vice versa.
      const orphans = check
        .prepare("SELECT COUNT(*) AS n FROM media m WHERE NOT EXISTS (SELECT 1 FROM import_items i WHERE i.media_id = m.id AND i.status = 'imported')")
        .get() as { n: number };
      const unclaimed = check.prepare("SELECT COUNT(*) AS n FROM import_items WHERE status = 'imported' AND media_id IS NULL").get() as { n: number };
      expect([orphans.n, unclaimed.n]).toEqual([0, 0]);
      check.close();
    }

    t.lib = openLibrary(home);
    expect(recoverInterruptedImports(t.lib)).toBe(1);
    const [batch] = t.lib.repos.imports.listBatches();
    expect(batch!.status).toBe('interrupted');
    const report = await startMediaImport(t.lib, actor, [folder]).done;
    expect(report).toMatchObject({ id: batch!.id, status: 'done', total: files.length, imported: files.length, duplicates: 0, failed: [] });
    expect(t.lib.repos.imports.listBatches()).toHaveLength(1);
    expectEachFileImportedOnce(t.lib, files);
    // Half-written copies from the killed runs were cleared when the library was opened.
    expect(readdirSync(t.lib.paths.tmp)).toEqual([]);
  });
});
