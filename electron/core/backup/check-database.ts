import Database from 'better-sqlite3';
import { verifyChain, type ChainReport } from '../audit/verify-chain';
import { knownLibraryId } from '../audit/library-identity';
import { schemaVersion } from '../db/migrate';
import { createAuditReadRepository } from '../db/repositories/audit-read-repository';
import { createSettingsRepository } from '../db/repositories/settings-repository';

export interface DatabaseCheck {
  usable: true;
  /** 'ok', or what SQLite's full integrity check found. */
  integrity: 'ok' | string;
  schemaVersion: number;
  audit: ChainReport;
  libraryId: string | undefined;
}

/** Why a file could not be checked; `damaged` when SQLite found it malformed rather than not a library. */
export interface UnusableDatabase {
  usable: false;
  damaged: boolean;
  reason: string;
}

const damageCodes = ['SQLITE_CORRUPT', 'SQLITE_NOTADB'];

/**
 * Checks a database file that is not the open library (a backup, a file about to be restored): the
 * full integrity check, not the quick one, since this runs once before a file is trusted.
 */
export function checkDatabaseFile(file: string): DatabaseCheck | UnusableDatabase {
  let db: Database.Database;
  try {
    db = new Database(file, { fileMustExist: true });
  } catch (err) {
    return { usable: false, damaged: false, reason: `it cannot be opened (${(err as Error).message})` };
  }
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
    const integrity = problems.length === 0 ? 'ok' : problems.slice(0, 5).join('; ');
    const hasLog = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'").get() !== undefined;
    if (!hasLog) return { usable: false, damaged: false, reason: 'it is not a ClearFrame library (it has no audit log)' };
    return {
      usable: true,
      integrity,
      schemaVersion: schemaVersion(db),
      audit: verifyChain(createAuditReadRepository(db).inOrder()),
      libraryId: knownLibraryId(createSettingsRepository(db)),
    };
  } catch (err) {
    const damaged = damageCodes.includes(String((err as { code?: unknown }).code));
    return { usable: false, damaged, reason: damaged ? (err as Error).message : `it cannot be read (${(err as Error).message})` };
  } finally {
    db.close();
  }
}
