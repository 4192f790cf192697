import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every process that opens the library leaves a marker named after its process id, removed on close.
 * SQLite cannot tell whether another process merely has the database open, and a restore under an
 * open app would let the app keep writing into the replaced file, losing those changes unseen.
 * A marker left by a killed process names a process that no longer runs, and is ignored.
 */
const markerFolder = (home: string) => join(home, 'open');

export function markOpen(home: string): () => void {
  const folder = markerFolder(home);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const file = join(folder, `${process.pid}-${randomBytes(4).toString('hex')}`);
  writeFileSync(file, '', { mode: 0o600 });
  return () => rmSync(file, { force: true });
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else, so it is running.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The ids of running processes that have the library open (this one included). */
export function openBy(home: string): number[] {
  let names: string[];
  try {
    names = readdirSync(markerFolder(home));
  } catch {
    return [];
  }
  const pids = new Set<number>();
  for (const name of names) {
    const pid = Number(name.split('-')[0]);
    if (!Number.isInteger(pid) || pid <= 0) continue;
    if (running(pid)) pids.add(pid);
    else rmSync(join(markerFolder(home), name), { force: true });
  }
  return [...pids];
}
