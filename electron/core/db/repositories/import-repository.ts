import type { ImportFailure } from '../../../../shared/contract/media';
import type { ImportFailureReason } from '../../../../shared/domain/import-failure-reasons';
import { importFailureCodes, unexpectedImportFailure } from '../../../../shared/domain/import-failure-reasons';
import type { Db } from '../connection';

export type BatchStatus = 'running' | 'done' | 'cancelled' | 'interrupted';
export type ItemStatus = 'pending' | 'imported' | 'duplicate' | 'failed';

export interface BatchDefaults {
  creator: string | null;
  rightsHolder: string | null;
  license: string | null;
  credit: string | null;
  schoolId: number | null;
}

export interface BatchRow extends BatchDefaults {
  id: number;
  startedAt: string;
  finishedAt: string | null;
  status: BatchStatus;
  /** JSON array of the absolute paths the user chose. */
  roots: string;
  total: number;
  ownerPid: number | null;
  ownerHost: string | null;
  heartbeatAt: string | null;
}

/** The process working on a batch (migration 10). */
export interface BatchOwner {
  pid: number;
  host: string;
}

export interface ItemCounts {
  pending: number;
  imported: number;
  duplicate: number;
  failed: number;
}

const batchColumns = `id, started_at AS startedAt, finished_at AS finishedAt, status, roots, total,
  default_creator AS creator, default_rights_holder AS rightsHolder, default_license AS license,
  default_credit AS credit, school_id AS schoolId, owner_pid AS ownerPid, owner_host AS ownerHost, heartbeat_at AS heartbeatAt`;

const storedReason = (reason: ImportFailureReason | null | undefined): string | null => (reason ? JSON.stringify(reason) : null);

/** Items failed before migration 11, or with a code this version does not know (a newer one wrote it), have no reason to say. */
function readReason(stored: string | null): ImportFailureReason | typeof unexpectedImportFailure {
  if (stored === null) return unexpectedImportFailure;
  const reason = JSON.parse(stored) as ImportFailureReason;
  return (importFailureCodes as readonly string[]).includes(reason.code) ? reason : unexpectedImportFailure;
}

/** Import batches and their items: the durable to-do list that lets an interrupted import resume. */
export function createImportRepository(db: Db) {
  const insertBatch = db.prepare(
    `INSERT INTO import_batches (started_at, status, roots, default_creator, default_rights_holder, default_license, default_credit, school_id,
       owner_pid, owner_host, heartbeat_at)
     VALUES (@startedAt, 'running', @roots, @creator, @rightsHolder, @license, @credit, @schoolId, @pid, @host, @startedAt)`,
  );
  const byId = db.prepare<[number], BatchRow>(`SELECT ${batchColumns} FROM import_batches WHERE id = ?`);
  const all = db.prepare<[], BatchRow>(`SELECT ${batchColumns} FROM import_batches ORDER BY id DESC`);
  const unfinishedByRoots = db.prepare<[string], BatchRow>(
    `SELECT ${batchColumns} FROM import_batches WHERE roots = ? AND status IN ('running', 'interrupted', 'cancelled') ORDER BY id DESC`,
  );
  const setStatus = db.prepare<[BatchStatus, string | null, number]>('UPDATE import_batches SET status = ?, finished_at = ? WHERE id = ?');
  const reopen = db.prepare<{ id: number; pid: number; host: string; now: string }>(
    "UPDATE import_batches SET status = 'running', finished_at = NULL, owner_pid = @pid, owner_host = @host, heartbeat_at = @now WHERE id = @id",
  );
  const heartbeat = db.prepare<[string, number]>("UPDATE import_batches SET heartbeat_at = ? WHERE id = ? AND status = 'running'");
  const insertItem = db.prepare<[number, string, ItemStatus, string | null, string | null]>(
    'INSERT OR IGNORE INTO import_items (batch_id, path, status, error, reason) VALUES (?, ?, ?, ?, ?)',
  );
  const updateTotal = db.prepare<{ id: number }>('UPDATE import_batches SET total = (SELECT COUNT(*) FROM import_items WHERE batch_id = @id) WHERE id = @id');
  const pending = db.prepare<[number], { id: number; path: string }>(
    "SELECT id, path FROM import_items WHERE batch_id = ? AND status = 'pending' ORDER BY id",
  );
  const finishItem = db.prepare<[ItemStatus, number | null, string | null, string | null, number]>(
    "UPDATE import_items SET status = ?, media_id = ?, error = ?, reason = ? WHERE id = ? AND status = 'pending'",
  );
  const counts = db.prepare<[number], { status: ItemStatus; n: number }>(
    'SELECT status, COUNT(*) AS n FROM import_items WHERE batch_id = ? GROUP BY status',
  );
  const failures = db.prepare<[number], { path: string; error: string; reason: string | null }>(
    "SELECT path, error, reason FROM import_items WHERE batch_id = ? AND status = 'failed' ORDER BY id",
  );
  return {
    /** Without an owner, any process that opens the library takes the batch over (as before migration 10). */
    createBatch(roots: string, defaults: BatchDefaults, owner: BatchOwner | null = null): number {
      const o = owner ?? { pid: null, host: null };
      return Number(insertBatch.run({ roots, startedAt: new Date().toISOString(), ...defaults, ...o }).lastInsertRowid);
    },
    getBatch: (id: number): BatchRow | undefined => byId.get(id),
    listBatches: (): BatchRow[] => all.all(),
    /** Batches for exactly these roots that did not finish, newest first. */
    unfinishedBatches: (roots: string): BatchRow[] => unfinishedByRoots.all(roots),
    setStatus(id: number, status: BatchStatus): void {
      setStatus.run(status, status === 'running' ? null : new Date().toISOString(), id);
    },
    reopen: (id: number, owner: BatchOwner): void => void reopen.run({ id, ...owner, now: new Date().toISOString() }),
    /** The owner says it is still working on the batch. */
    heartbeat: (id: number): void => void heartbeat.run(new Date().toISOString(), id),
    /** Adds items not yet in the batch (a re-walk on resume finds files added since) and recounts the total. */
    addItems(batchId: number, items: { path: string; error?: string; reason?: ImportFailureReason }[]): void {
      for (const item of items) insertItem.run(batchId, item.path, item.error ? 'failed' : 'pending', item.error ?? null, storedReason(item.reason));
      updateTotal.run({ id: batchId });
    },
    pendingItems: (batchId: number): { id: number; path: string }[] => pending.all(batchId),
    /** Finishes a pending item; an item already finished (by an earlier run) is left as it is. */
    finishItem(
      itemId: number,
      status: Exclude<ItemStatus, 'pending'>,
      mediaId: number | null,
      error: string | null,
      reason: ImportFailureReason | null = null,
    ): boolean {
      return finishItem.run(status, mediaId, error, storedReason(reason), itemId).changes === 1;
    },
    counts(batchId: number): ItemCounts {
      const c: ItemCounts = { pending: 0, imported: 0, duplicate: 0, failed: 0 };
      for (const row of counts.all(batchId)) c[row.status] = row.n;
      return c;
    },
    failures: (batchId: number): ImportFailure[] => failures.all(batchId).map(({ path, error, reason }) => ({ path, error, ...readReason(reason) })),
  };
}

export type ImportRepository = ReturnType<typeof createImportRepository>;
