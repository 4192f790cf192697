import { hostname } from 'node:os';
import type { BatchOwner, BatchRow } from '../db/repositories/import-repository';

/** How often a process says it is still working on its import batches. */
export const heartbeatIntervalMs = 15_000;
/**
 * A batch whose heartbeat is older than this is taken over even when a process with its owner's id
 * still runs: that id may have been given to another program since, or the owner is on another computer
 * (a library on a shared drive) where its process cannot be checked. Long enough that a process whose
 * timers wait behind slow work is never taken for dead.
 */
export const staleAfterMs = 10 * 60_000;

export function thisProcess(): BatchOwner {
  return { pid: process.pid, host: hostname() };
}

function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it runs, as another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Is the process that ran this 'running' batch gone, so this process may take it over? `mine` is whether
 * this process is working on it right now.
 */
export function ownerIsGone(batch: Pick<BatchRow, 'ownerPid' | 'ownerHost' | 'heartbeatAt'>, mine: boolean, now = Date.now()): boolean {
  if (mine) return false;
  if (batch.ownerPid === null || batch.ownerHost === null || batch.heartbeatAt === null) return true;
  if (now - Date.parse(batch.heartbeatAt) > staleAfterMs) return true;
  const self = thisProcess();
  if (batch.ownerHost !== self.host) return false;
  // Our own id but not our batch: an earlier process that had the same id.
  return batch.ownerPid === self.pid || !processRuns(batch.ownerPid);
}
