import { chmodSync, constants, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import type { BackupReport } from '../../../shared/contract/backup';
import { ClearFrameError } from '../../../shared/result';
import type { RequestContext } from '../api/context';
import { libraryId } from '../audit/library-identity';
import type { Library } from '../library';
import { hashFile } from '../media/content-store';
import { databaseName, fileStamp, manifestName, storeFolder, type BackupManifest } from './backup-manifest';
import { checkDatabaseFile } from './check-database';
import { syncFolder } from './durable';
import { listStoreFiles, storeFilePath, type StoreFile } from './store-files';

export interface BackupOptions {
  /** An absolute folder; the library's backups folder when left out. */
  out?: string;
  /** Copy the originals too, so the backup alone can rebuild the library on another computer. */
  withMedia?: boolean;
}

function freeName(folder: string): string {
  const base = `backup-${fileStamp()}`;
  let name = base;
  for (let i = 2; existsSync(join(folder, name)); i++) name = `${base}-${i}`;
  return name;
}

async function copyStore(files: StoreFile[], from: string, to: string): Promise<void> {
  for (const f of files) {
    const target = storeFilePath(to, f);
    await mkdir(dirname(target), { recursive: true, mode: 0o700 });
    // A clone where the file system offers one: instant and without doubling the space used.
    await copyFile(storeFilePath(from, f), target, constants.COPYFILE_FICLONE);
  }
}

/**
 * Makes a backup folder: the database through SQLite's online backup API (consistent while the app
 * keeps working), a manifest of the media store, and optionally the originals. It is written under
 * a hidden name and renamed when complete, so a folder with a backup's name is always whole.
 */
export async function createBackup(lib: Library, ctx: RequestContext, options: BackupOptions): Promise<BackupReport> {
  const folder = options.out ?? lib.paths.backups;
  if (!isAbsolute(folder)) throw new ClearFrameError('invalid_input', `The backup folder "${folder}" must be a full path.`);
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
  } catch (err) {
    throw new ClearFrameError('io_error', `Cannot make the backup folder ${folder} (${(err as NodeJS.ErrnoException).code}); choose another.`);
  }
  const name = freeName(folder);
  const partial = join(folder, `.${name}.partial`);
  const final = join(folder, name);
  // The id goes into the database before the copy, so the backup knows which library it belongs to.
  const library = lib.transaction(() => libraryId(lib.repos.settings));
  try {
    mkdirSync(partial, { mode: 0o700 });
    const dbFile = join(partial, databaseName);
    await lib.db.backup(dbFile);
    chmodSync(dbFile, 0o600);
    const check = checkDatabaseFile(dbFile);
    if (!check.usable || check.integrity !== 'ok') {
      const why = check.usable ? check.integrity : check.reason;
      throw new ClearFrameError('io_error', `The backup copy of the database failed its check (${why}); nothing was kept. Try again, or back up to another disk.`);
    }
    const { sha256, bytes } = await hashFile(dbFile);
    const files = listStoreFiles(lib.paths.store);
    if (options.withMedia) await copyStore(files, lib.paths.store, join(partial, storeFolder));
    const manifest: BackupManifest = {
      format: 'clearframe-backup',
      version: 1,
      library,
      created_at: new Date().toISOString(),
      schema_version: check.schemaVersion,
      database: { file: databaseName, bytes, sha256 },
      audit: { entries: check.audit.entries, ok: check.audit.ok, head: check.audit.head },
      media: { included: options.withMedia === true, files },
    };
    writeFileSync(join(partial, manifestName), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600, flush: true });
    syncFolder(partial);
    renameSync(partial, final);
    syncFolder(folder);
    lib.transaction(() =>
      lib.repos.audit.append(ctx.actor, 'library.backed_up', `library:${library}`, {
        backup: name,
        entries: check.audit.entries,
        mediaFiles: files.length,
        withMedia: manifest.media.included,
      }),
    );
    return {
      path: final,
      library,
      createdAt: manifest.created_at,
      schemaVersion: manifest.schema_version,
      database: { bytes, sha256 },
      audit: manifest.audit,
      media: { files: files.length, bytes: files.reduce((n, f) => n + f.bytes, 0), included: manifest.media.included },
    };
  } catch (err) {
    rmSync(partial, { recursive: true, force: true });
    if (err instanceof ClearFrameError) throw err;
    throw new ClearFrameError('io_error', `The backup could not be written to ${folder} (${(err as Error).message}); check the disk has room and try again.`);
  }
}
