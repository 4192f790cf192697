import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditCheckpoint, AuditVerification } from '../../shared/contract/audit';
import { localAdmin, type RequestContext } from '../../electron/core/api/context';
import { verifyAudit } from '../../electron/core/audit/audit-service';
import { createCheckpoint } from '../../electron/core/audit/checkpoint';
import { openLibrary, type Library } from '../../electron/core/library';
import { setConsent } from '../../electron/core/services/consent-service';
import { createClass, createSchool } from '../../electron/core/services/org-service';
import { createPerson } from '../../electron/core/services/people-service';

export const teacher: RequestContext = { ...localAdmin, actor: 'juf.anna' };

/** A library with a small, real history: a school, a class, two people and their consent answers. */
export function libraryWithHistory(prefix = 'cf-audit-'): { root: string; home: string; remove: () => void } {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const home = join(root, 'library');
  const lib = openLibrary(home);
  try {
    const school = createSchool(lib, localAdmin, 'de-linde', 'De Linde');
    const classId = createClass(lib, localAdmin, school.id, 'Groep 8').id;
    const person = (externalId: string, firstName: string) =>
      createPerson(lib, localAdmin, { externalId, firstName, lastName: 'de Vries', role: 'pupil', schoolId: null, classId, dateOfBirth: '2014-03-15' });
    person('P001', 'Sanne');
    person('P002', 'Daan');
    setConsent(lib, localAdmin, 'P001', { channel: 'website', status: 'granted', givenOn: '2025-09-01' });
    setConsent(lib, teacher, 'P002', { channel: 'website', status: 'refused', givenOn: '2025-09-02' });
    setConsent(lib, teacher, 'P001', { channel: 'website', status: 'withdrawn', givenOn: '2025-11-01' });
    setConsent(lib, localAdmin, 'P002', { channel: 'facebook', status: 'granted', givenOn: '2025-09-03' });
  } finally {
    lib.close();
  }
  return { root, home, remove: () => rmSync(root, { recursive: true, force: true }) };
}

export function withLibrary<T>(home: string, fn: (lib: Library) => T): T {
  const lib = openLibrary(home);
  try {
    return fn(lib);
  } finally {
    lib.close();
  }
}

export const verifyHome = (home: string, checkpoint?: AuditCheckpoint): AuditVerification => withLibrary(home, (lib) => verifyAudit(lib, checkpoint));
export const checkpointOf = (home: string): AuditCheckpoint => withLibrary(home, (lib) => createCheckpoint(lib, localAdmin));

/**
 * Edits the library's database file directly, as someone with a SQLite tool would: first dropping the
 * triggers that refuse changes to the audit log, since nothing stops a person who can write the file.
 */
export function tamper(home: string, edit: (db: Database.Database) => void): void {
  const db = new Database(join(home, 'library.sqlite'));
  try {
    for (const t of ['audit_log_no_update', 'audit_log_no_delete', 'audit_log_append_only']) db.exec(`DROP TRIGGER IF EXISTS ${t}`);
    edit(db);
  } finally {
    db.close();
  }
}

export interface RawEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  details: string;
  prev_hash: string;
  hash: string;
}

export const rawEntries = (db: Database.Database): RawEntry[] => db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as RawEntry[];
