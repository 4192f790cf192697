import * as crypto from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { localAdmin, type RequestContext } from '../../electron/core/api/context';
import { hashPassword, scryptParams, verifyPassword } from '../../electron/core/users/password-hash';
import { authenticate } from '../../electron/core/users/sign-in';
import { addUser, setUserPassword } from '../../electron/core/users/user-service';
import { tempLibrary } from '../helpers/temp-library';

// Wraps the real function so the test can see that verification goes through it.
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

let t: ReturnType<typeof tempLibrary>;
beforeEach(() => {
  t = tempLibrary();
});
afterEach(() => t.cleanup());

const adminPassword = 'Plain-Admin-Secret-4711';
const staffPassword = 'Plain-Staff-Secret-0815';

function libraryBytes(home: string): Buffer {
  return Buffer.concat(readdirSync(home).filter((f) => f.startsWith('library.sqlite')).map((f) => readFileSync(join(home, f))));
}

describe('password storage', () => {
  it('never writes a password to the library files, not even to the write-ahead log or the audit log', async () => {
    await setUserPassword(t.lib, localAdmin, { name: 'admin', password: adminPassword });
    await addUser(t.lib, { actor: 'admin' }, { name: 'sam', roles: ['staff'], schools: [], password: staffPassword });
    await authenticate(t.lib, 'sam', 'a wrong guess 123', 'cli').catch(() => undefined);
    // Before closing: the database file and its -wal companion as they are on disk now.
    const open = libraryBytes(t.home);
    t.lib.db.pragma('wal_checkpoint(TRUNCATE)');
    const checkpointed = libraryBytes(t.home);
    for (const bytes of [open, checkpointed]) {
      for (const secret of [adminPassword, staffPassword, 'a wrong guess 123']) {
        expect(bytes.includes(Buffer.from(secret, 'utf8'))).toBe(false);
        expect(bytes.includes(Buffer.from(secret, 'utf16le'))).toBe(false);
      }
      // The hashes themselves are there: the search would have found text in these files.
      expect(bytes.includes(Buffer.from(`scrypt$${scryptParams.N}$`))).toBe(true);
    }
    const audit = JSON.stringify(t.lib.repos.audit.list());
    expect(audit).not.toContain(staffPassword);
    expect(audit).toContain('user.sign_in_failed');
  });

  it('salts every hash: the same password never gives the same stored string', async () => {
    await addUser(t.lib, localAdmin, { name: 'ann', roles: ['admin'], schools: [], password: staffPassword });
    await addUser(t.lib, { actor: 'admin' }, { name: 'bob', roles: ['admin'], schools: [], password: staffPassword });
    const ann = t.lib.repos.users.findByName('ann')!.passwordHash!;
    const bob = t.lib.repos.users.findByName('bob')!.passwordHash!;
    expect(ann).not.toBe(bob);
    const [, n, r, p, saltA, keyA] = ann.split('$');
    const [, , , , saltB, keyB] = bob.split('$');
    expect([Number(n), Number(r), Number(p)]).toEqual([2 ** 17, 8, 1]);
    expect(Buffer.from(saltA!, 'base64')).toHaveLength(16);
    expect(saltA).not.toBe(saltB);
    expect(keyA).not.toBe(keyB);
    expect(await verifyPassword(staffPassword, ann)).toBe(true);
    expect(await verifyPassword(staffPassword, bob)).toBe(true);
  });

  it('compares with the constant-time timingSafeEqual, for right and wrong passwords alike', async () => {
    const stored = await hashPassword(adminPassword);
    const spy = vi.mocked(crypto.timingSafeEqual);
    spy.mockClear();
    expect(await verifyPassword(adminPassword, stored)).toBe(true);
    expect(await verifyPassword(`${adminPassword}x`, stored)).toBe(false);
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it('refuses a stored hash it cannot trust instead of running it', async () => {
    const stored = await hashPassword(adminPassword);
    const [, , r, p, salt, key] = stored.split('$');
    expect(await verifyPassword(adminPassword, ['scrypt', 2 ** 24, r, p, salt, key].join('$'))).toBe(false);
    expect(await verifyPassword(adminPassword, ['bcrypt', 2 ** 17, r, p, salt, key].join('$'))).toBe(false);
    expect(await verifyPassword(adminPassword, 'scrypt$')).toBe(false);
  });
});

describe('signing in', () => {
  const admin: RequestContext = localAdmin;
  beforeEach(async () => {
    await setUserPassword(t.lib, admin, { name: 'admin', password: adminPassword });
  });

  it('accepts the right password and the name in other capitals; refuses a wrong one or an unknown name alike', async () => {
    await expect(authenticate(t.lib, 'ADMIN', adminPassword, 'browser')).resolves.toMatchObject({ name: 'admin' });
    await expect(authenticate(t.lib, 'admin', 'not it at all', 'browser')).rejects.toThrow('The profile name or password is not right.');
    await expect(authenticate(t.lib, 'nobody', adminPassword, 'browser')).rejects.toThrow('The profile name or password is not right.');
    const failures = t.lib.repos.audit.list().filter((e) => e.action === 'user.sign_in_failed').map((e) => JSON.parse(e.details));
    expect(failures).toEqual([
      { name: 'admin', reason: 'wrong password', via: 'browser' },
      { name: 'nobody', reason: 'unknown profile', via: 'browser' },
    ]);
  });

  it('makes a profile wait after five wrong passwords in a row, even with the right one, then lets it in', async () => {
    let now = new Date('2025-03-01T09:00:00Z');
    const clock = () => now;
    for (let i = 0; i < 5; i++) await expect(authenticate(t.lib, 'admin', `wrong ${i} guess`, 'cli', clock)).rejects.toThrow(/not right/);
    await expect(authenticate(t.lib, 'admin', adminPassword, 'cli', clock)).rejects.toThrow(
      'Too many wrong passwords for admin: wait 30 seconds and try again.',
    );
    expect(t.lib.repos.users.findByName('admin')!.failedAttempts).toBe(5);
    now = new Date('2025-03-01T09:00:31Z');
    await expect(authenticate(t.lib, 'admin', adminPassword, 'cli', clock)).resolves.toMatchObject({ name: 'admin' });
    expect(t.lib.repos.users.findByName('admin')!.failedAttempts).toBe(0);
    const reasons = t.lib.repos.audit.list().filter((e) => e.action === 'user.sign_in_failed').map((e) => JSON.parse(e.details).reason);
    expect(reasons).toEqual([...Array(5).fill('wrong password'), 'too many wrong passwords']);
  });

  it('does not let a profile without a password in once the library uses passwords', async () => {
    await addUser(t.lib, admin, { name: 'sam', roles: ['staff'], schools: [], password: staffPassword });
    t.lib.db.prepare("INSERT INTO users (name, created_at) VALUES ('old', 'now')").run();
    await expect(authenticate(t.lib, 'old', '', 'desktop')).rejects.toThrow('old has no password yet: an admin sets one (clearframe users passwd old).');
  });
});
