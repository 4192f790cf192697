import { z } from 'zod';
import { command } from './define';

export type BackupKind = 'backup' | 'before-migration' | 'before-restore';

/** A copy of the library that `clearframe restore` can put back. */
export interface BackupInfo {
  path: string;
  name: string;
  /** `backup`: made on request, with a manifest; the others are database files kept automatically. */
  kind: BackupKind;
  createdAt: string;
  bytes: number;
  schemaVersion: number | null;
  auditEntries: number | null;
  withMedia: boolean;
}

export interface BackupReport {
  path: string;
  library: string;
  createdAt: string;
  schemaVersion: number;
  database: { bytes: number; sha256: string };
  audit: { entries: number; ok: boolean; head: { seq: number; hash: string; at: string } | null };
  /** The media store files present when the backup was made; copied only when asked for. */
  media: { files: number; bytes: number; included: boolean };
}

/** What the app says when the library's database is damaged, and what it can be restored from. */
export interface RestoreOffer {
  integrity: 'ok' | string;
  backups: BackupInfo[];
}

export interface DeletedBackups {
  /** Names of the backups deleted from the library's backups folder. */
  deleted: string[];
  bytes: number;
  /** Backups left in that folder. */
  kept: number;
}

export const backupCommands = {
  'backup.create': command(
    z.object({
      /** An absolute folder; the library's own backups folder when left out. */
      out: z.string().min(1).max(4096).optional(),
      withMedia: z.boolean().default(false),
    }),
  ).returns<BackupReport>(),
  'backup.list': command(z.object({})).returns<RestoreOffer>(),
  /**
   * Deletes the backups in the library's backups folder made before `before` (e.g. an erasure's time,
   * as those still hold the erased person). `confirm` must be true: a deleted backup cannot be restored.
   */
  'backup.deleteOlder': command(z.object({ before: z.iso.datetime(), confirm: z.literal(true) })).returns<DeletedBackups>(),
};
