import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupInfo, BackupKind, RestoreOffer } from '../../../shared/contract/backup';
import type { LibraryPaths } from '../library-paths';
import { readManifest } from './backup-manifest';

const automaticKinds: [RegExp, BackupKind][] = [
  [/^before-migration-.*\.sqlite$/, 'before-migration'],
  [/^before-restore-.*\.sqlite$/, 'before-restore'],
];

function folderBackup(path: string, name: string): BackupInfo | undefined {
  const m = readManifest(path);
  if (!m) return undefined;
  return {
    path,
    name,
    kind: 'backup',
    createdAt: m.created_at,
    bytes: m.database.bytes + (m.media.included ? m.media.files.reduce((n, f) => n + f.bytes, 0) : 0),
    schemaVersion: m.schema_version,
    auditEntries: m.audit.entries,
    withMedia: m.media.included,
  };
}

/**
 * The backups in a folder, newest first: backup folders made on request (with their manifest) and the
 * database copies ClearFrame keeps before a migration or a restore. Reads no database, so it works
 * when the library's own database is too damaged to open.
 */
export function listBackups(folder: string): BackupInfo[] {
  if (!existsSync(folder)) return [];
  const found: BackupInfo[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith('.')) {
      const b = folderBackup(path, entry.name);
      if (b) found.push(b);
      continue;
    }
    const kind = automaticKinds.find(([pattern]) => pattern.test(entry.name))?.[1];
    if (entry.isFile() && kind) {
      const s = statSync(path);
      found.push({ path, name: entry.name, kind, createdAt: s.mtime.toISOString(), bytes: s.size, schemaVersion: null, auditEntries: null, withMedia: false });
    }
  }
  return found.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export function restoreOffer(paths: LibraryPaths, integrity: 'ok' | string): RestoreOffer {
  return { integrity, backups: listBackups(paths.backups) };
}

