import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../electron/core/db/migrations';
import { openLibrary } from '../../electron/core/library';

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

const usersMigration = migrations.find((m) => m.name === 'users')!;

describe('migration 002-users', () => {
  it('is numbered 2 and creates profiles, roles and schools with the first-start admin, without a password', () => {
    expect(usersMigration.version).toBe(2);
    const db = new Database(':memory:');
    db.exec(migrations[0]!.sql);
    db.exec(usersMigration.sql);
    expect(db.prepare('SELECT id, name, password_hash, failed_attempts FROM users').all()).toEqual([
      { id: 1, name: 'admin', password_hash: null, failed_attempts: 0 },
    ]);
    expect(db.prepare('SELECT user_id, role FROM user_roles').all()).toEqual([{ user_id: 1, role: 'admin' }]);
    expect(db.prepare('SELECT created_at FROM users').pluck().get()).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('refuses unknown roles, a second profile with the same name in other capitals, and schools that do not exist', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    db.exec(migrations[0]!.sql);
    db.exec(usersMigration.sql);
    expect(() => db.exec("INSERT INTO user_roles (user_id, role) VALUES (1, 'owner')")).toThrow(/CHECK/);
    expect(() => db.exec("INSERT INTO users (name, created_at) VALUES ('ADMIN', 'now')")).toThrow(/UNIQUE/);
    expect(() => db.exec('INSERT INTO user_schools (user_id, school_id) VALUES (1, 99)')).toThrow(/FOREIGN KEY/);
  });

  it('upgrades a library made before profiles: its data stays, it gets the admin and stays single-user', () => {
    const home = mkdtempSync(join(tmpdir(), 'cf-users-mig-'));
    dirs.push(home);
    const db = new Database(join(home, 'library.sqlite'));
    db.exec(migrations[0]!.sql);
    db.pragma('user_version = 1');
    db.exec("INSERT INTO schools (key, name, created_at) VALUES ('oak', 'Oak', 'now')");
    db.close();

    const lib = openLibrary(home);
    try {
      expect(lib.repos.schools.listSchools().map((s) => s.key)).toEqual(['oak']);
      expect(lib.repos.users.list().map((u) => [u.name, u.roles, u.passwordHash])).toEqual([['admin', ['admin'], null]]);
      expect(lib.repos.users.anyPassword()).toBe(false);
      expect(readdirSync(join(home, 'backups')).some((f) => f.startsWith('before-migration-1-'))).toBe(true);
    } finally {
      lib.close();
    }
  });
});
