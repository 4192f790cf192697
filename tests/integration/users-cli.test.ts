import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localAdmin } from '../../electron/core/api/context';
import { openLibrary } from '../../electron/core/library';
import { createSchool } from '../../electron/core/services/org-service';
import { createPerson } from '../../electron/core/services/people-service';
import { runCli, runJson, sentencePattern, tempRoot } from './cli-run';

const tmp = tempRoot('cf-users-cli-');
const { home } = tmp;
const adminPw = { CLEARFRAME_PASSWORD: 'admin-password-1' };
const newPw = (password: string) => ({ CLEARFRAME_NEW_PASSWORD: password });

beforeAll(() => {
  const lib = openLibrary(home);
  createSchool(lib, localAdmin, 'oak', 'Oak School');
  createPerson(lib, localAdmin, { externalId: 'P1', firstName: 'Emma', lastName: 'Jansen', role: 'pupil', classId: null, schoolId: null, dateOfBirth: '2014-03-02' });
  lib.close();
});
afterAll(() => tmp.remove());

/** Read straight from the file: what a refused call must leave untouched. */
function auditLength(): number {
  const db = new Database(join(home, 'library.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
  } finally {
    db.close();
  }
}

describe('a single-user library', () => {
  it('runs commands as the admin without --user, and lists the profiles', async () => {
    const set = await runJson(home, ['consent', 'set', 'P1', 'website', 'granted', '--on', '2025-09-01']);
    expect(set.code).toBe(0);
    expect(set.json.record.recorded_by).toBe('admin');
    const users = await runJson(home, ['users', 'list']);
    expect(users.json).toEqual([{ name: 'admin', roles: ['admin'], schools: [], has_password: false, created_at: expect.any(String) }]);
  });

  it('adds profiles without a password only on request, and refuses to ask when there is no terminal', async () => {
    const noTerminal = await runCli(['--home', home, 'users', 'add', 'sam', '--role', 'staff']);
    expect(noTerminal.code).toBe(1);
    expect(noTerminal.stderr).toMatch(sentencePattern);
    expect(noTerminal.stderr).toContain('No new password for sam: set CLEARFRAME_NEW_PASSWORD');
    const bare = await runJson(home, ['users', 'add', 'sam', '--role', 'staff', '--no-password']);
    expect(bare.json).toMatchObject({ name: 'sam', roles: ['staff'], has_password: false });
  });

  it('runs a call as another profile, with its roles and without a password, when named with --user', async () => {
    const before = auditLength();
    const r = await runCli(['--home', home, '--user', 'sam', 'consent', 'set', 'P1', 'website', 'refused']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('clearframe: sam may not change consent records: this needs the consent permission (admin).\n');
    expect(auditLength()).toBe(before);
  });

  it('wants an admin password first', async () => {
    const r = await runCli(['--home', home, 'users', 'passwd', 'sam'], { env: newPw('sam-password-1') });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Set a password for an admin profile first');
  });
});

describe('once the admin has a password', () => {
  beforeAll(async () => {
    const r = await runJson(home, ['users', 'passwd', 'admin'], { env: newPw(adminPw.CLEARFRAME_PASSWORD) });
    expect(r.json).toMatchObject({ name: 'admin', has_password: true });
  });

  it('needs --user on every call, with a sentence', async () => {
    const r = await runJson(home, ['status']);
    expect(r.code).toBe(1);
    expect(r.json.error).toEqual({
      code: 'unauthorized',
      message: 'This library uses passwords: name your profile with --user NAME (the password comes from CLEARFRAME_PASSWORD or a prompt).',
    });
  });

  it('refuses a wrong password, and asks for one only in a terminal', async () => {
    const wrong = await runCli(['--home', home, '--user', 'admin', 'status'], { env: { CLEARFRAME_PASSWORD: 'not-it-at-all' } });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toBe('clearframe: The profile name or password is not right.\n');
    const missing = await runCli(['--home', home, '--user', 'admin', 'status']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('clearframe: No password for admin: set CLEARFRAME_PASSWORD, or run clearframe in a terminal to be asked for it.\n');
  });

  it('lets the admin add management of a school and staff, each with a password', async () => {
    const mia = await runJson(home, ['--user', 'admin', 'users', 'add', 'mia', '--role', 'management', '--school', 'oak'], {
      env: { ...adminPw, ...newPw('mia-password-1') },
    });
    expect(mia.json).toEqual({ name: 'mia', roles: ['management'], schools: ['oak'], has_password: true, created_at: expect.any(String) });
    const sam = await runJson(home, ['users', 'passwd', 'sam', '--user', 'admin'], { env: { ...adminPw, ...newPw('sam-password-1') } });
    expect(sam.json).toMatchObject({ name: 'sam', has_password: true });
    const list = await runJson(home, ['--user', 'sam', 'users', 'list'], { env: { CLEARFRAME_PASSWORD: 'sam-password-1' } });
    expect(list.json.map((u: { name: string; has_password: boolean }) => [u.name, u.has_password])).toEqual([
      ['admin', true],
      ['mia', true],
      ['sam', true],
    ]);
  });

  it('refuses staff an admin-only command: exit 1, a sentence naming the permission, nothing written', async () => {
    const before = auditLength();
    const r = await runCli(['--home', home, '--user', 'sam', 'consent', 'set', 'P1', 'website', 'refused'], { env: { CLEARFRAME_PASSWORD: 'sam-password-1' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('clearframe: sam may not change consent records: this needs the consent permission (admin).\n');
    const add = await runCli(['--home', home, '--user', 'sam', 'users', 'add', 'eve', '--role', 'admin'], {
      env: { CLEARFRAME_PASSWORD: 'sam-password-1', ...newPw('eve-password-1') },
    });
    expect(add.code).toBe(1);
    expect(add.stderr).toBe('clearframe: sam may not manage profiles: this needs the users permission (admin).\n');
    const other = await runCli(['--home', home, '--user', 'sam', 'users', 'passwd', 'admin'], { env: { CLEARFRAME_PASSWORD: 'sam-password-1', ...newPw('taken-over-1') } });
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(sentencePattern);
    expect(auditLength()).toBe(before);
  });

  it('refuses management the import command, which runs its service outside dispatch', async () => {
    const before = auditLength();
    const mgmt = await runJson(home, ['--user', 'mia', 'import', tmp.root], { env: { CLEARFRAME_PASSWORD: 'mia-password-1' } });
    expect(mgmt.code).toBe(1);
    expect(mgmt.json.error).toEqual({ code: 'forbidden', message: 'mia may not import photos and videos: this needs the import permission (admin, staff).' });
    expect(auditLength()).toBe(before);
  });

  it('lets staff change their own password with the one they signed in with', async () => {
    const r = await runJson(home, ['--user', 'sam', 'users', 'passwd', 'sam'], { env: { CLEARFRAME_PASSWORD: 'sam-password-1', ...newPw('sam-password-2') } });
    expect(r.code).toBe(0);
    const after = await runJson(home, ['--user', 'sam', 'status'], { env: { CLEARFRAME_PASSWORD: 'sam-password-2' } });
    expect(after.code).toBe(0);
  });

  it('records the profile name on changes', async () => {
    const r = await runJson(home, ['--user', 'admin', 'consent', 'set', 'P1', 'website', 'withdrawn'], { env: adminPw });
    expect(r.json.record.recorded_by).toBe('admin');
  });
});
