import Database from 'better-sqlite3';
import { ClearFrameError } from '../../../shared/result';

export type Db = Database.Database;

/** Opens the library database with the settings every connection needs: WAL, foreign keys, a busy timeout. */
export function openDatabase(file: string): Db {
  let db: Db;
  try {
    db = new Database(file);
  } catch (err) {
    throw new ClearFrameError('io_error', `Could not open the library database at ${file}: ${(err as Error).message}`);
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
  } catch (err) {
    db.close();
    throw new ClearFrameError(
      'library_corrupt',
      `The library database at ${file} cannot be read (${(err as Error).message}). Restore it from a backup.`,
    );
  }
  return db;
}

/** `PRAGMA quick_check` reads every page but skips index cross-checks, so it stays fast on large libraries. */
export function checkIntegrity(db: Db): 'ok' | string {
  let rows: { quick_check: string }[];
  try {
    rows = db.pragma('quick_check') as { quick_check: string }[];
  } catch (err) {
    // Damage bad enough to stop the check itself is still an answer: the library is damaged.
    return (err as Error).message;
  }
  const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
  return problems.length === 0 ? 'ok' : problems.slice(0, 5).join('; ');
}
