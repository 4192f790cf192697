import type Database from 'better-sqlite3';
import { ClearFrameError } from '../../../shared/result';
import { latestVersion, migrations } from './migrations';

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies every pending migration, each in its own transaction together with the version bump,
 * so a crash leaves the database at a whole version. `beforeMigrate` runs once when there is work
 * to do (the library takes a backup there).
 */
export function migrate(db: Database.Database, beforeMigrate?: (from: number) => void): { from: number; to: number } {
  const from = schemaVersion(db);
  if (from > latestVersion) {
    throw new ClearFrameError(
      'library_too_new',
      `This library was written by a newer ClearFrame (schema ${from}; this version knows up to ${latestVersion}). Update ClearFrame to open it.`,
    );
  }
  if (from < latestVersion) beforeMigrate?.(from);
  for (const m of migrations) {
    if (m.version <= from) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return { from, to: latestVersion };
}
