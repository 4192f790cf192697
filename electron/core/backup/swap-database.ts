import Database from 'better-sqlite3';
import { copyFileSync, existsSync, linkSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { ClearFrameError } from '../../../shared/result';
import type { LibraryPaths } from '../library-paths';
import { fileStamp } from './backup-manifest';
import { syncFolder } from './durable';

/**
 * Takes the live database for the length of the swap: exclusive locking, no journal file beside it.
 * A process in the middle of a write makes this fail at once (busy), which is a refusal. A database
 * too damaged to lock has nothing left to protect, so the swap goes on without the lock.
 */
function holdExclusively(file: string): () => void {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { fileMustExist: true });
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = DELETE');
    db.exec('BEGIN EXCLUSIVE; COMMIT');
    const held = db;
    return () => held.close();
  } catch (err) {
    db?.close();
    const code = (err as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
      throw new ClearFrameError('conflict', 'The library is being written to by ClearFrame or another clearframe command; close it, then restore again.');
    }
    return () => {};
  }
}

/**
 * Puts a checked database file in the library's place. The current database is kept first as a
 * safety copy (a hard link: instant, and the same bytes), then the new file is renamed over it in
 * one atomic step, so at every moment there is a whole library.sqlite. Returns the safety copy.
 */
export function swapDatabase(paths: LibraryPaths, candidate: string): string | null {
  const live = paths.database;
  if (!existsSync(live)) {
    renameSync(candidate, live);
    syncFolder(paths.home);
    return null;
  }
  const release = holdExclusively(live);
  try {
    let safety = join(paths.backups, `before-restore-${fileStamp()}.sqlite`);
    for (let i = 2; existsSync(safety); i++) safety = join(paths.backups, `before-restore-${fileStamp()}-${i}.sqlite`);
    try {
      linkSync(live, safety);
    } catch {
      copyFileSync(live, safety);
    }
    // A write-ahead log left beside a damaged database belongs to it, not to the restored one: SQLite
    // would replay it into the new file. It goes with the safety copy.
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(live + suffix)) renameSync(live + suffix, safety + suffix);
    }
    renameSync(candidate, live);
    syncFolder(paths.home);
    syncFolder(paths.backups);
    return safety;
  } finally {
    release();
  }
}
