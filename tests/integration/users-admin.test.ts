import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localAdmin, type RequestContext, type SessionControl, type SessionUser } from '../../electron/core/api/context';
import { dispatch } from '../../electron/core/api/dispatch';
import { createHandlers } from '../../electron/core/api/handlers';
import { createSchool } from '../../electron/core/services/org-service';
import { requestContext } from '../../electron/core/users/request-context';
import type { CommandInput, CommandName } from '../../shared/contract';
import { tempLibrary } from '../helpers/temp-library';

let t: ReturnType<typeof tempLibrary>;
let handlers: ReturnType<typeof createHandlers>;
beforeEach(() => {
  t = tempLibrary();
  handlers = createHandlers(t.lib);
  createSchool(t.lib, localAdmin, 'oak', 'Oak School');
  createSchool(t.lib, localAdmin, 'elm', 'Elm School');
});
afterEach(() => t.cleanup());

function windowOf(name: string): () => RequestContext {
  let signedIn: number | undefined = t.lib.repos.users.findByName(name)?.id;
  const control: SessionControl = { via: 'browser', signIn: (u: SessionUser) => void (signedIn = u.id), signOut: () => void (signedIn = undefined) };
  return () => requestContext(t.lib, signedIn, control);
}

async function call<K extends CommandName>(name: K, input: CommandInput<K>, ctx: RequestContext) {
  return dispatch(handlers, name, input, ctx);
}

async function ok<K extends CommandName>(name: K, input: CommandInput<K>, ctx: RequestContext) {
  const r = await call(name, input, ctx);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as any;
}

async function refused<K extends CommandName>(name: K, input: CommandInput<K>, ctx: RequestContext) {
  const users = JSON.stringify(t.lib.repos.users.list());
  const entries = auditCount();
  const r = await call(name, input, ctx);
  if (r.ok) throw new Error(`${name} was expected to be refused`);
  expect(JSON.stringify(t.lib.repos.users.list())).toBe(users);
  expect(auditCount()).toBe(entries);
  return r.error;
}

const auditCount = () => t.lib.db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;

/** A library with passwords: admin, a second admin ann, staff sam and management mia of oak. */
async function withPasswords() {
  await ok('users.setPassword', { name: 'admin', password: 'admin-password-1' }, localAdmin);
  const admin = windowOf('admin');
  await ok('users.add', { name: 'ann', roles: ['admin'], password: 'ann-password-1' }, admin());
  await ok('users.add', { name: 'sam', roles: ['staff'], password: 'sam-password-1' }, admin());
  await ok('users.add', { name: 'mia', roles: ['management'], schools: ['oak'], password: 'mia-password-1' }, admin());
  return { admin, ann: windowOf('ann'), sam: windowOf('sam'), mia: windowOf('mia') };
}

describe('changing roles', () => {
  it('replaces roles and schools, audits before and after, and applies to the next request at once', async () => {
    const w = await withPasswords();
    expect((await call('posts.list', {}, w.sam())).ok).toBe(true);
    const changed = await ok('users.setRoles', { name: 'sam', roles: ['management', 'staff'], schools: ['elm'] }, w.admin());
    expect(changed).toMatchObject({ name: 'sam', roles: ['management', 'staff'], schools: ['elm'] });
    expect(w.sam().user).toMatchObject({ roles: ['management', 'staff'], schools: ['elm'] });
    const entry = t.lib.db.prepare("SELECT actor, subject, details FROM audit_log WHERE action = 'user.roles_set'").get() as { actor: string; subject: string; details: string };
    expect(entry.actor).toBe('admin');
    expect(JSON.parse(entry.details)).toMatchObject({ name: 'sam', roles: ['management', 'staff'], schools: ['elm'], before: { roles: ['staff'], schools: [] } });
  });

  it('refuses staff and management, with the permission named, and writes nothing', async () => {
    const w = await withPasswords();
    expect(await refused('users.setRoles', { name: 'sam', roles: ['admin'] }, w.sam())).toEqual({
      code: 'forbidden',
      message: 'sam may not manage profiles: this needs the users permission (admin).',
    });
    expect((await refused('users.setRoles', { name: 'sam', roles: ['board'] }, w.mia())).code).toBe('forbidden');
  });

  it('checks schools like adding does, and keeps the last admin an admin', async () => {
    const w = await withPasswords();
    expect((await refused('users.setRoles', { name: 'sam', roles: ['management'] }, w.admin())).message).toContain('needs at least one school');
    expect((await refused('users.setRoles', { name: 'sam', roles: ['management'], schools: ['pine'] }, w.admin())).message).toContain('no school with the key "pine"');
    expect((await refused('users.setRoles', { name: 'nobody', roles: ['staff'] }, w.admin())).code).toBe('not_found');
    await ok('users.setRoles', { name: 'ann', roles: ['auditor'] }, w.admin());
    expect(await refused('users.setRoles', { name: 'admin', roles: ['staff'] }, w.admin())).toEqual({
      code: 'conflict',
      message: 'admin is the last admin profile and keeps the admin role: give another profile the admin role first.',
    });
  });

  it('keeps the single-user admin an admin too', async () => {
    await ok('users.add', { name: 'sam', roles: ['staff'] }, localAdmin);
    expect((await refused('users.setRoles', { name: 'admin', roles: ['staff'] }, localAdmin)).code).toBe('conflict');
  });
});

describe('removing a profile', () => {
  it('removes it, audits it, keeps its name on earlier audit entries, and ends its session', async () => {
    const w = await withPasswords();
    await ok('session.signOut', { locked: true }, w.sam());
    const sam = windowOf('sam');
    expect(sam().user?.name).toBe('sam');
    expect(await ok('users.remove', { name: 'sam' }, w.admin())).toEqual({ name: 'sam' });
    expect(t.lib.repos.users.list().map((u) => u.name)).toEqual(['admin', 'ann', 'mia']);
    expect(sam().user).toBeNull();
    const actions = t.lib.db.prepare('SELECT actor, action FROM audit_log ORDER BY seq').all() as { actor: string; action: string }[];
    expect(actions).toEqual(expect.arrayContaining([{ actor: 'sam', action: 'user.locked' }, { actor: 'admin', action: 'user.removed' }]));
    // The log keeps "sam" for the removed profile: a new profile may not take the name and its history (or its posts' four eyes).
    const again = await refused('users.add', { name: 'sam', roles: ['auditor'], password: 'sam-password-2' }, w.admin());
    expect(again).toMatchObject({ code: 'conflict', message: expect.stringContaining('A removed profile was called sam') });
    await ok('users.add', { name: 'sam.b', roles: ['auditor'], password: 'sam-password-2' }, w.admin());
  });

  it('refuses non-admins, one’s own profile and the last admin, writing nothing', async () => {
    const w = await withPasswords();
    expect((await refused('users.remove', { name: 'mia' }, w.sam())).message).toBe('sam may not manage profiles: this needs the users permission (admin).');
    expect((await refused('users.remove', { name: 'admin' }, w.admin())).message).toBe('You cannot remove your own profile (admin): ask another admin to do it.');
    await ok('users.remove', { name: 'ann' }, w.admin());
    await ok('users.setRoles', { name: 'mia', roles: ['management', 'admin'], schools: ['oak'] }, w.admin());
    await ok('users.remove', { name: 'admin' }, w.mia());
    await ok('users.setRoles', { name: 'sam', roles: ['admin'] }, w.mia());
    await ok('users.remove', { name: 'sam' }, w.mia());
    expect(await refused('users.remove', { name: 'mia' }, w.mia())).toMatchObject({ code: 'conflict' });
  });

  it('refuses removing the last admin in a single-user library', async () => {
    await ok('users.add', { name: 'sam', roles: ['staff'] }, localAdmin);
    const r = await refused('users.remove', { name: 'admin' }, { actor: 'sam', user: { id: 2, name: 'sam', roles: ['admin'], schools: [] } });
    expect(r.message).toBe('admin is the last admin profile and cannot be removed: give another profile the admin role first.');
  });
});

describe('passwords by the admin and by oneself', () => {
  it('an admin resets another’s password without knowing it; a profile changes its own only with the current one', async () => {
    const w = await withPasswords();
    await ok('users.setPassword', { name: 'sam', password: 'reset-by-admin-1' }, w.admin());
    expect((await refused('users.setPassword', { name: 'sam', password: 'sam-own-choice-1' }, w.sam())).message).toBe('Give your current password to change it.');
    // A wrong current password counts as a failed sign-in, so this refusal does write: the attempt.
    const wrong = await call('users.setPassword', { name: 'sam', password: 'sam-own-choice-1', currentPassword: 'wrong-one-x' }, w.sam());
    expect(wrong).toEqual({ ok: false, error: { code: 'unauthorized', message: 'Your current password is not right.' } });
    await ok('users.setPassword', { name: 'sam', password: 'sam-own-choice-1', currentPassword: 'reset-by-admin-1' }, w.sam());
  });
});
