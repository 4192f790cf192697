import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StoreFile } from './store-files';

export const manifestName = 'manifest.json';
export const databaseName = 'library.sqlite';
/** The originals, when the backup includes them, in the same layout as the library's store. */
export const storeFolder = 'store';

/** manifest.json in a backup folder: what was backed up, and the checksums a restore holds it to. */
export interface BackupManifest {
  format: 'clearframe-backup';
  version: 1;
  library: string;
  created_at: string;
  schema_version: number;
  database: { file: string; bytes: number; sha256: string };
  audit: { entries: number; ok: boolean; head: { seq: number; hash: string; at: string } | null };
  media: { included: boolean; files: StoreFile[] };
}

/** The manifest of a backup folder, or undefined when the folder has none that ClearFrame wrote. */
export function readManifest(folder: string): BackupManifest | undefined {
  try {
    const m = JSON.parse(readFileSync(join(folder, manifestName), 'utf8')) as BackupManifest;
    return m.format === 'clearframe-backup' && m.version === 1 ? m : undefined;
  } catch {
    return undefined;
  }
}

/** A time stamp that sorts like the time and is a valid file name everywhere (no colons). */
export function fileStamp(now: Date = new Date()): string {
  return now.toISOString().replace(/[:.]/g, '-');
}
