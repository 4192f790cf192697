import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../electron/core/audit/audit-service';
import { createAuditRepository } from '../../electron/core/db/repositories/audit-repository';
import { latestVersion, migrations } from '../../electron/core/db/migrations';
import { openLibrary } from '../../electron/core/library';

let roots: string[] = [];
afterEach(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
  roots = [];
});

/** A library as an older ClearFrame left it: schema `version`, with a person and audit entries. */
function olderLibrary(version: number): string {
  const root = mkdtempSync(join(tmpdir(), 'cf-backup-mig-'));
  roots.push(root);
  const home = join(root, 'library');
  mkdirSync(home);
  const db = new Database(join(home, 'library.sqlite'));
  db.pragma('journal_mode = WAL');
  for (const m of migrations.filter((m) => m.version <= version)) db.exec(m.sql);
  db.pragma(`user_version = ${version}`);
  db.exec("INSERT INTO people (first_name, last_name, role, created_at, updated_at) VALUES ('Sanne', 'de Vries', 'pupil', 'then', 'then')");
  const audit = createAuditRepository(db);
  audit.append('admin', 'person.created', 'person:1', {});
  audit.append('admin', 'consent.granted', 'person:1', { channel: 'website' });
  db.close();
  return home;
}

describe('the automatic backup before a migration', () => {
  it('is a whole copy of the database as it was, taken before anything changed, owner-only', () => {
    const from = latestVersion - 1;
    const home = olderLibrary(from);
    const lib = openLibrary(home);
    try {
      const files = readdirSync(join(home, 'backups'));
      expect(files).toEqual([expect.stringMatching(new RegExp(`^before-migration-${from}-.*\\.sqlite$`))]);
      const file = join(home, 'backups', files[0]!);
      expect(statSync(file).mode & 0o077).toBe(0);
      // Read while the library is still open: the copy was complete when openLibrary returned.
      const copy = new Database(file, { readonly: true });
      expect(copy.pragma('user_version', { simple: true })).toBe(from);
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.prepare('SELECT first_name FROM people').pluck().all()).toEqual(['Sanne']);
      expect(copy.prepare('SELECT COUNT(*) FROM audit_log').pluck().get()).toBe(2);
      copy.close();
      expect(lib.db.pragma('user_version', { simple: true })).toBe(latestVersion);
      expect(verifyAudit(lib)).toEqual({ ok: true, entries: 2, firstBad: null });
    } finally {
      lib.close();
    }
  });

  it('is not taken for a new library or one that is up to date', () => {
    const root = mkdtempSync(join(tmpdir(), 'cf-backup-mig-'));
    roots.push(root);
    openLibrary(root).close();
    openLibrary(root).close();
    expect(readdirSync(join(root, 'backups'))).toEqual([]);
  });
});
