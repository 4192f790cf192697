import type { Db } from '../connection';

/** What a backup and a restore need to know about the media the database refers to. */
export function createBackupRepository(db: Db) {
  const mediaFiles = db.prepare<[], { sha256: string; ext: string }>('SELECT sha256, ext FROM media ORDER BY id');
  return {
    mediaFiles: (): { sha256: string; ext: string }[] => mediaFiles.all(),
  };
}
