import { rmSync } from 'node:fs';
import type { DeletedBackups } from '../../../shared/contract/backup';
import { ClearFrameError } from '../../../shared/result';
import type { RequestContext } from '../api/context';
import type { Library } from '../library';
import { listBackups } from './list-backups';

/**
 * Deletes the backups in the library's backups folder made before `before`: after an erasure, those
 * still hold the erased person. Only what `listBackups` recognises there is touched (backup folders with
 * a manifest, and the automatic database copies); backups kept elsewhere are the admin's to remove.
 * The deletion is recorded in the audit log, after the files are gone, with their names.
 */
export function deleteBackupsBefore(lib: Library, ctx: RequestContext, before: string): DeletedBackups {
  const cutoff = Date.parse(before);
  if (Number.isNaN(cutoff)) throw new ClearFrameError('invalid_input', `"${before}" is not a date and time. Give one like 2026-11-25T14:00:00Z.`);
  const old = listBackups(lib.paths.backups).filter((b) => Date.parse(b.createdAt) < cutoff);
  const deleted: string[] = [];
  let bytes = 0;
  try {
    for (const b of old) {
      rmSync(b.path, { recursive: true, force: true });
      deleted.push(b.name);
      bytes += b.bytes;
    }
  } finally {
    if (deleted.length > 0) {
      lib.transaction(() => lib.repos.audit.append(ctx.actor, 'library.backups_deleted', 'library', { before, deleted, bytes }));
    }
  }
  return { deleted, bytes, kept: listBackups(lib.paths.backups).length };
}
