import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../electron/core/db/migrate';
import { latestVersion, migrations } from '../../electron/core/db/migrations';
import { openLibrary } from '../../electron/core/library';

let dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'clearframe-mig-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

describe('migrations', () => {
  it('are numbered 1..n without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('001 creates the library tables and the append-only consent trigger', () => {
    const db = new Database(':memory:');
    db.exec(migrations[0]!.sql);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(
      expect.arrayContaining(['schools', 'classes', 'people', 'channels', 'consent_records', 'media', 'media_classes', 'import_batches', 'import_items', 'audit_log']),
    );
    db.exec("INSERT INTO schools (key, name, created_at) VALUES ('s', 'S', 'now')");
    db.exec("INSERT INTO people (first_name, last_name, role, created_at, updated_at) VALUES ('A', 'B', 'pupil', 'now', 'now')");
    db.exec("INSERT INTO channels (key, name, kind, sort) VALUES ('website', 'Website', 'external', 1)");
    db.exec(`INSERT INTO consent_records (person_id, channel_key, status, given_by, given_on, source, recorded_at, recorded_by)
             VALUES (1, 'website', 'granted', 'guardian', '2025-09-01', 'manual', 'now', 'admin')`);
    expect(() => db.exec("UPDATE consent_records SET status = 'refused'")).toThrow(/append-only/);
  });

  it('bring an empty database to the latest version, and a second run changes nothing', () => {
    const db = new Database(join(tempDir(), 'x.sqlite'));
    expect(migrate(db)).toEqual({ from: 0, to: latestVersion });
    expect(migrate(db)).toEqual({ from: latestVersion, to: latestVersion });
    expect(schemaVersion(db)).toBe(latestVersion);
  });

  it('refuse a library written by a newer ClearFrame, with a clear message', () => {
    const home = tempDir();
    openLibrary(home).close();
    const db = new Database(join(home, 'library.sqlite'));
    db.pragma(`user_version = ${latestVersion + 1}`);
    db.close();
    expect(() => openLibrary(home)).toThrow(/newer ClearFrame/);
  });

  it('call the backup hook once before pending work, and not when up to date', () => {
    const db = new Database(join(tempDir(), 'x.sqlite'));
    const calls: number[] = [];
    migrate(db, (from) => calls.push(from));
    migrate(db, (from) => calls.push(from));
    expect(calls).toEqual([0]);
  });

  it('create the library folder and database readable by the owner only', () => {
    const home = tempDir();
    openLibrary(home).close();
    expect(statSync(join(home, 'library.sqlite')).mode & 0o077).toBe(0);
    expect(statSync(join(home, 'store')).mode & 0o077).toBe(0);
  });
});
