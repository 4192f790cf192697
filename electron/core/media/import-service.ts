import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { z } from 'zod';
import type { ImportBatchReport, importDefaults } from '../../../shared/contract/media';
import { ClearFrameError } from '../../../shared/result';
import type { RequestContext } from '../api/context';
import type { BatchDefaults, BatchRow } from '../db/repositories/import-repository';
import type { JobContext } from '../jobs/job-runner';
import type { Library } from '../library';
import { heartbeatIntervalMs, ownerIsGone, thisProcess } from './batch-owner';
import { failureReason } from './import-failure';
import { prepareFile, type ImportDefaults, type Prepared } from './prepare-file';
import { walkFiles } from './walk-files';

export type ImportDefaultsInput = z.input<typeof importDefaults>;

/** Two files at a time: one can hash or copy while the other decodes, on two cores. */
const concurrency = 2;
const changeEventIntervalMs = 500;

/** Batches this process is working on; another 'running' batch belongs to another process, live or gone (batch-owner.ts). */
const activeBatches = new WeakMap<Library, Set<number>>();

function active(lib: Library): Set<number> {
  let set = activeBatches.get(lib);
  if (!set) activeBatches.set(lib, (set = new Set()));
  return set;
}

export function batchReport(lib: Library, batch: BatchRow | number): ImportBatchReport {
  const row = typeof batch === 'number' ? lib.repos.imports.getBatch(batch) : batch;
  if (!row) throw new ClearFrameError('not_found', `There is no import batch ${String(batch)}.`);
  const counts = lib.repos.imports.counts(row.id);
  return {
    id: row.id,
    status: row.status,
    roots: JSON.parse(row.roots) as string[],
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    total: row.total,
    imported: counts.imported,
    duplicates: counts.duplicate,
    failed: lib.repos.imports.failures(row.id),
  };
}

export function listBatchReports(lib: Library): ImportBatchReport[] {
  return lib.repos.imports.listBatches().map((b) => batchReport(lib, b));
}

/**
 * Marks batches left 'running' by a process that is gone (killed, crashed) as 'interrupted'. The app, the
 * server and the CLI call this when they open a library; the next import of the same roots resumes such
 * a batch. A batch another live process is importing (the server while the CLI runs) is left alone.
 */
export function recoverInterruptedImports(lib: Library): number {
  const mine = active(lib);
  return lib.transaction(() => {
    const stale = lib.repos.imports.listBatches().filter((b) => b.status === 'running' && ownerIsGone(b, mine.has(b.id)));
    stale.forEach((b) => lib.repos.imports.setStatus(b.id, 'interrupted'));
    return stale.length;
  });
}

function normaliseRoots(paths: string[]): string[] {
  const roots = [...new Set(paths.map((p) => resolve(p)))].sort();
  for (const root of roots) {
    try {
      statSync(root);
    } catch {
      throw new ClearFrameError('not_found', `"${root}" does not exist. Check the path and try again.`);
    }
  }
  return roots;
}

function withDefaults(stored: BatchDefaults | null, input: ImportDefaultsInput): ImportDefaults & BatchDefaults {
  const pick = <K extends keyof BatchDefaults>(k: K) => (input[k] !== undefined ? input[k] : (stored?.[k] ?? null));
  return {
    creator: pick('creator') ?? null,
    rightsHolder: pick('rightsHolder') ?? null,
    license: (input.license ?? stored?.license ?? 'unknown') as ImportDefaults['license'],
    credit: pick('credit') ?? null,
    schoolId: pick('schoolId') ?? null,
    eventName: input.eventName ?? null,
  };
}

/**
 * Starts importing files and folders as a cancellable job. If an earlier import of exactly these
 * paths did not finish (cancelled, or its process was killed), that batch is resumed: finished items
 * are skipped and files added since are picked up. Defaults given now apply to the items still to do;
 * the event name is not kept with a batch, so a resumed import takes it from this call only.
 */
export function startMediaImport(
  lib: Library,
  ctx: RequestContext,
  paths: string[],
  defaults: ImportDefaultsInput = {},
): { jobId: number; batchId: number; done: Promise<ImportBatchReport> } {
  if (paths.length === 0) throw new ClearFrameError('invalid_input', 'Choose at least one file or folder to import.');
  const roots = normaliseRoots(paths);
  const rootsKey = JSON.stringify(roots);
  if (defaults.schoolId != null && !lib.repos.schools.listSchools().some((s) => s.id === defaults.schoolId)) {
    throw new ClearFrameError('not_found', `There is no school with id ${defaults.schoolId}.`);
  }
  const mine = active(lib);
  const owner = thisProcess();
  // Looked at and claimed in one transaction, so two programs cannot both take over the same batch.
  const { batchId, effective } = lib.transaction(() => {
    const unfinished = lib.repos.imports.unfinishedBatches(rootsKey);
    const busy = unfinished.find((b) => b.status === 'running' && !mine.has(b.id) && !ownerIsGone(b, false));
    if (busy) {
      throw new ClearFrameError('conflict', `Another ClearFrame program (process ${busy.ownerPid ?? '?'} on ${busy.ownerHost ?? '?'}) is importing these files now (batch ${busy.id}). Wait until it finishes, or stop it first.`);
    }
    const resumable = unfinished.find((b) => !mine.has(b.id));
    const effective = withDefaults(resumable ?? null, defaults);
    if (!resumable) return { batchId: lib.repos.imports.createBatch(rootsKey, effective, owner), effective };
    lib.repos.imports.reopen(resumable.id, owner);
    return { batchId: resumable.id, effective };
  });
  mine.add(batchId);
  const heartbeat = setInterval(() => {
    // A missed beat only risks a takeover after staleAfterMs; it must not crash the process (say, the library was just closed).
    try {
      lib.repos.imports.heartbeat(batchId);
    } catch {
      clearInterval(heartbeat);
    }
  }, heartbeatIntervalMs);
  heartbeat.unref();
  const title = roots.length === 1 ? `Importing ${basename(roots[0]!)}` : `Importing ${roots.length} files and folders`;
  const job = lib.jobs.start('import', title, async (job) => {
    try {
      return await runBatch(lib, ctx, batchId, roots, effective, job);
    } finally {
      clearInterval(heartbeat);
      mine.delete(batchId);
    }
  });
  return { jobId: job.id, batchId, done: job.done };
}

async function runBatch(
  lib: Library,
  ctx: RequestContext,
  batchId: number,
  roots: string[],
  defaults: ImportDefaults,
  job: JobContext,
): Promise<ImportBatchReport> {
  const { imports } = lib.repos;
  try {
    const entries = await walkFiles(roots, job.signal);
    const walkedAll = !job.signal.aborted;
    lib.transaction(() => imports.addItems(batchId, entries));
    const queue = imports.pendingItems(batchId);
    const total = imports.getBatch(batchId)!.total;
    let finished = total - queue.length;
    job.progress(finished, total, '');

    let lastChange = 0;
    const changed = (force = false) => {
      if (force || Date.now() - lastChange >= changeEventIntervalMs) {
        lastChange = Date.now();
        lib.events.emit('library.changed', { what: 'media' });
      }
    };

    const worker = async () => {
      for (let item = queue.shift(); item && !job.signal.aborted; item = queue.shift()) {
        job.progress(finished, total, basename(item.path));
        const imported = await importItem(lib, ctx, batchId, item, defaults, job.signal);
        if (imported === 'left pending') continue;
        finished++;
        job.progress(finished, total, basename(item.path));
        if (imported === 'imported') changed();
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    changed(true);
    const left = imports.counts(batchId).pending;
    imports.setStatus(batchId, job.signal.aborted && (left > 0 || !walkedAll) ? 'cancelled' : 'done');
  } catch (err) {
    // Something beyond one file failed (the disk, the database): keep what is done, resume later.
    imports.setStatus(batchId, 'interrupted');
    throw err;
  }
  return batchReport(lib, batchId);
}

/** One file: prepared outside any transaction, then recorded in one, so a crash leaves no half a media row. */
async function importItem(
  lib: Library,
  ctx: RequestContext,
  batchId: number,
  item: { id: number; path: string },
  defaults: ImportDefaults,
  signal: AbortSignal,
): Promise<'imported' | 'duplicate' | 'failed' | 'left pending'> {
  let prepared: Prepared;
  try {
    prepared = await prepareFile(lib, item.path, batchId, defaults, signal);
  } catch (err) {
    // A cancelled item is not a failed one: it stays pending and the resumed import does it again.
    if (signal.aborted) return 'left pending';
    const message = err instanceof ClearFrameError ? err.message : `ClearFrame could not import this file (${(err as Error).message}).`;
    lib.transaction(() => lib.repos.imports.finishItem(item.id, 'failed', null, message, failureReason(err)));
    return 'failed';
  }
  const { imports, media, audit } = lib.repos;
  if ('duplicateOf' in prepared) {
    lib.transaction(() => imports.finishItem(item.id, 'duplicate', prepared.duplicateOf, null));
    return 'duplicate';
  }
  const m = prepared.media;
  return lib.transaction(() => {
    // Two copies of one file in the same batch are prepared side by side; the second to get here is the duplicate.
    const existing = media.idBySha(m.sha256);
    if (existing !== undefined) {
      imports.finishItem(item.id, 'duplicate', existing, null);
      return 'duplicate';
    }
    const id = media.insert(m);
    if (!imports.finishItem(item.id, 'imported', id, null)) {
      throw new ClearFrameError('conflict', `Import item ${item.id} was finished by another process at the same time.`);
    }
    audit.append(ctx.actor, 'media.imported', `media:${id}`, { sha256: m.sha256, name: m.name, kind: m.kind, batchId });
    return 'imported';
  });
}
