import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/connection';
import { fileStamp } from './backup-manifest';

/**
 * Copies the database before a migration changes it. VACUUM INTO finishes before it returns, unlike
 * the online backup API, which copies in steps on later ticks and would copy the migrated database
 * (or half of it, if the process ends first).
 */
export function snapshotBeforeMigration(db: Db, backups: string, fromVersion: number): string {
  const file = join(backups, `before-migration-${fromVersion}-${fileStamp()}.sqlite`);
  db.prepare('VACUUM INTO ?').run(file);
  chmodSync(file, 0o600);
  return file;
}
