import Database from 'better-sqlite3';
import { chmodSync, copyFileSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ClearFrameError } from '../../../shared/result';
import { knownLibraryId } from '../audit/library-identity';
import { latestVersion } from '../db/migrations';
import { createBackupRepository } from '../db/repositories/backup-repository';
import { createSettingsRepository } from '../db/repositories/settings-repository';
import { openLibrary } from '../library';
import { libraryPaths, type LibraryPaths } from '../library-paths';
import { copyIntoStore, hashFile } from '../media/content-store';
import { databaseName, fileStamp, readManifest, storeFolder, type BackupManifest } from './backup-manifest';
import { checkDatabaseFile, type DatabaseCheck } from './check-database';
import { openBy } from './open-markers';
import { listStoreFiles, storeFilePath } from './store-files';
import { swapDatabase } from './swap-database';

export interface RestoreReport {
  /** The backup folder or database file that was put back. */
  source: string;
  /** Where the database that was replaced is kept, or null when there was none. */
  safetyCopy: string | null;
  schemaVersion: number;
  auditEntries: number;
  /** What the checks found that --force accepted (empty when nothing). */
  accepted: string[];
  media: { restored: number; missing: number };
}

interface Source {
  path: string;
  database: string;
  manifest: BackupManifest | undefined;
}

function readSource(path: string): Source {
  if (!existsSync(path)) throw new ClearFrameError('not_found', `There is no backup at ${path}; "clearframe backup list" shows the backups.`);
  if (!statSync(path).isDirectory()) return { path, database: path, manifest: undefined };
  const manifest = readManifest(path);
  if (!manifest || !existsSync(join(path, databaseName))) {
    throw new ClearFrameError('invalid_input', `${path} is not a ClearFrame backup folder (it has no manifest.json and library.sqlite).`);
  }
  return { path, database: join(path, databaseName), manifest };
}

/** The library id of the database about to be replaced; undefined when it has none or cannot be read. */
function liveLibraryId(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return knownLibraryId(createSettingsRepository(db));
  } catch {
    return undefined;
  } finally {
    db?.close();
  }
}

/** Refusals no flag overrides: a file that is damaged, altered or not a library would not be a restore. */
async function checkCandidate(source: Source, candidate: string): Promise<DatabaseCheck> {
  if (source.manifest && (await hashFile(candidate)).sha256 !== source.manifest.database.sha256) {
    throw new ClearFrameError('conflict', `The database in ${source.path} does not match its manifest: it was damaged or altered. Choose another backup.`);
  }
  const check = checkDatabaseFile(candidate);
  if (!check.usable && !check.damaged) throw new ClearFrameError('invalid_input', `${source.path} cannot be restored: ${check.reason}.`);
  const damage = check.usable ? check.integrity : check.reason;
  if (!check.usable || check.integrity !== 'ok') {
    throw new ClearFrameError('library_corrupt', `The database in ${source.path} is damaged (${damage}); choose another backup.`);
  }
  if (check.schemaVersion < 1) throw new ClearFrameError('invalid_input', `${source.path} is not a ClearFrame library.`);
  if (check.schemaVersion > latestVersion) {
    throw new ClearFrameError('library_too_new', `The backup was written by a newer ClearFrame (schema ${check.schemaVersion}); update ClearFrame to restore it.`);
  }
  return check;
}

/** Doubts a person may overrule with --force, knowing the restore is recorded in the audit log. */
function doubts(check: DatabaseCheck, liveId: string | undefined): string[] {
  const found: string[] = [];
  if (!check.audit.ok && check.audit.firstBad) {
    found.push(`its audit log does not verify (entry ${check.audit.firstBad.seq}: ${check.audit.firstBad.reason})`);
  }
  if (liveId !== undefined && check.libraryId !== undefined && liveId !== check.libraryId) {
    found.push(`it is a backup of another library (${check.libraryId}, this one is ${liveId})`);
  }
  return found;
}

/**
 * Copies back the originals the backup holds and the store lacks; each is hashed on the way in, and
 * one that is missing or altered in the backup stays missing (and is counted so) instead of stopping
 * the rest.
 */
async function restoreMedia(source: Source, paths: LibraryPaths): Promise<number> {
  if (!source.manifest?.media.included) return 0;
  const from = join(source.path, storeFolder);
  const present = new Set(listStoreFiles(paths.store).map((f) => f.sha256));
  let restored = 0;
  for (const f of source.manifest.media.files) {
    if (present.has(f.sha256)) continue;
    try {
      await copyIntoStore(storeFilePath(from, f), f.sha256, f.ext, paths);
      restored += 1;
    } catch {
      continue;
    }
  }
  return restored;
}

/**
 * Puts a backup back in place of the library's database. The backup is copied to a temporary file and
 * checked there (checksum, full integrity check, schema version, audit chain) before anything is
 * replaced; the old database is kept as a safety copy. Runs with the library closed, and refuses while
 * another process has it open. Originals are only ever added to the store, never removed.
 */
export async function restoreBackup(home: string, from: string, options: { force: boolean; actor: string }): Promise<RestoreReport> {
  const paths = libraryPaths(home);
  const others = openBy(home);
  if (others.length > 0) {
    throw new ClearFrameError(
      'conflict',
      `The library is open in ClearFrame (process ${others.join(', ')}); close it, then restore again. If no ClearFrame runs, delete the folder ${join(home, 'open')} and try again.`,
    );
  }
  const source = readSource(from);
  for (const dir of [paths.home, paths.tmp, paths.backups]) mkdirSync(dir, { recursive: true, mode: 0o700 });
  const candidate = join(paths.tmp, `restore-${fileStamp()}.sqlite`);
  try {
    copyFileSync(source.database, candidate);
    chmodSync(candidate, 0o600);
    const check = await checkCandidate(source, candidate);
    const found = doubts(check, liveLibraryId(paths.database));
    if (found.length > 0 && !options.force) {
      throw new ClearFrameError('conflict', `Not restored: ${found.join('; ')}. Add --force to restore it anyway; the audit log records that you did.`);
    }
    const safetyCopy = swapDatabase(paths, candidate);
    const mediaRestored = await restoreMedia(source, paths);
    const lib = openLibrary(home);
    try {
      const present = new Set(listStoreFiles(paths.store).map((f) => f.sha256));
      const missing = createBackupRepository(lib.db).mediaFiles().filter((m) => !present.has(m.sha256)).length;
      lib.transaction(() =>
        lib.repos.audit.append(options.actor, 'library.restored', 'library', {
          backup: basename(source.path),
          safetyCopy: safetyCopy && basename(safetyCopy),
          forced: found,
          mediaRestored,
          mediaMissing: missing,
        }),
      );
      return {
        source: source.path,
        safetyCopy,
        schemaVersion: check.schemaVersion,
        auditEntries: check.audit.entries,
        accepted: found,
        media: { restored: mediaRestored, missing },
      };
    } finally {
      lib.close();
    }
  } finally {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(candidate + suffix, { force: true });
  }
}
