import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localAdmin, type RequestContext, type SessionControl, type SessionUser } from '../../electron/core/api/context';
import { dispatch } from '../../electron/core/api/dispatch';
import { createHandlers } from '../../electron/core/api/handlers';
import { createSchool } from '../../electron/core/services/org-service';
import { requestContext } from '../../electron/core/users/request-context';
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

/** A window's session as the server or the desktop keeps it: who signed in, if anyone. */
function windowSession(via: SessionControl['via'] = 'browser') {
  let signedIn: number | undefined;
  const control: SessionControl = { via, signIn: (u: SessionUser) => void (signedIn = u.id), signOut: () => void (signedIn = undefined) };
  return { ctx: (): RequestContext => requestContext(t.lib, signedIn, control), userId: () => signedIn };
}

async function ok<T>(result: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value as T;
}

describe('profiles', () => {
  it('start with the admin and no password: single-user, the admin does everything without signing in', async () => {
    const win = windowSession();
    expect(win.ctx().user).toMatchObject({ name: 'admin', soleUser: true });
    expect(await ok(dispatch(handlers, 'session.status', {}, win.ctx()))).toMatchObject({
      mode: 'single-user',
      user: { name: 'admin', roles: ['admin'], hasPassword: false },
      lockMinutes: 10,
    });
    expect(await ok(dispatch(handlers, 'users.list', {}, win.ctx()))).toEqual([
      { id: 1, name: 'admin', roles: ['admin'], schools: [], hasPassword: false, createdAt: expect.any(String) },
    ]);
  });

  it('add management of several schools; refuse management without a school, schools without management, unknown schools and a taken name', async () => {
    const mia = await ok(dispatch(handlers, 'users.add', { name: 'mia', roles: ['management', 'staff'], schools: ['oak', 'elm'] }, localAdmin));
    expect(mia).toMatchObject({ name: 'mia', roles: ['management', 'staff'], schools: ['elm', 'oak'], hasPassword: false });
    const refusals = [
      [{ name: 'x1', roles: ['management'] }, 'a management profile needs at least one school'],
      [{ name: 'x2', roles: ['staff'], schools: ['oak'] }, 'Schools belong to the management role'],
      [{ name: 'x3', roles: ['management'], schools: ['pine'] }, 'There is no school with the key "pine" (known: elm, oak)'],
      [{ name: 'MIA', roles: ['staff'] }, 'There is already a profile named MIA'],
      [{ name: 'x4', roles: [] }, 'not valid'],
      [{ name: 'two words', roles: ['staff'] }, 'not valid'],
    ] as const;
    for (const [input, message] of refusals) {
      const r = await dispatch(handlers, 'users.add', input, localAdmin);
      expect(r.ok, input.name).toBe(false);
      if (!r.ok) expect(r.error.message).toContain(message);
    }
    expect(t.lib.repos.users.list().map((u) => u.name)).toEqual(['admin', 'mia']);
  });

  it('want an admin password first, since the first password turns sign-in on for everyone', async () => {
    await ok(dispatch(handlers, 'users.add', { name: 'sam', roles: ['staff'] }, localAdmin));
    const early = await dispatch(handlers, 'users.setPassword', { name: 'sam', password: 'sam-password-1' }, localAdmin);
    expect(early).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('Set a password for an admin profile first') } });
    const short = await dispatch(handlers, 'users.setPassword', { name: 'admin', password: 'short' }, localAdmin);
    expect(short).toMatchObject({ ok: false, error: { message: 'The password for admin is too short: use at least 8 characters.' } });
    expect(t.lib.repos.users.anyPassword()).toBe(false);
  });

  it('sign the window in as the admin when it sets the first password, and from then on need a password for new profiles', async () => {
    const win = windowSession('desktop');
    await ok(dispatch(handlers, 'users.setPassword', { name: 'admin', password: 'admin-password-1' }, win.ctx()));
    expect(win.userId()).toBe(1);
    expect(await ok(dispatch(handlers, 'session.status', {}, win.ctx()))).toMatchObject({ mode: 'passwords', user: { name: 'admin', hasPassword: true } });
    const bare = await dispatch(handlers, 'users.add', { name: 'sam', roles: ['staff'] }, win.ctx());
    expect(bare).toMatchObject({ ok: false, error: { message: 'Give sam a password: this library uses passwords, so every profile needs one to sign in.' } });
    await ok(dispatch(handlers, 'users.add', { name: 'sam', roles: ['staff'], password: 'sam-password-1' }, win.ctx()));
    const actions = t.lib.repos.audit.list().map((e) => [e.actor, e.action]);
    expect(actions.slice(-2)).toEqual([
      ['admin', 'user.password_set'],
      ['admin', 'user.added'],
    ]);
  });
});

describe('sessions through dispatch', () => {
  beforeEach(async () => {
    await ok(dispatch(handlers, 'users.setPassword', { name: 'admin', password: 'admin-password-1' }, localAdmin));
    await ok(dispatch(handlers, 'users.add', { name: 'sam', roles: ['staff'], password: 'sam-password-1' }, { ...localAdmin, user: { id: 1, name: 'admin', roles: ['admin'], schools: [] } }));
  });

  it('refuse everything but signing in until someone signs in, then run as that profile and audit it', async () => {
    const win = windowSession();
    expect(await dispatch(handlers, 'people.list', {}, win.ctx())).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await ok(dispatch(handlers, 'session.status', {}, win.ctx()))).toMatchObject({ mode: 'passwords', user: null });
    const wrong = await dispatch(handlers, 'session.signIn', { name: 'sam', password: 'nope-nope' }, win.ctx());
    expect(wrong).toMatchObject({ ok: false, error: { code: 'unauthorized', message: 'The profile name or password is not right.' } });
    expect(win.userId()).toBeUndefined();
    const status = await ok(dispatch(handlers, 'session.signIn', { name: 'sam', password: 'sam-password-1' }, win.ctx()));
    expect(status).toMatchObject({ mode: 'passwords', user: { name: 'sam', roles: ['staff'] } });
    expect(win.ctx()).toMatchObject({ actor: 'sam', user: { name: 'sam', roles: ['staff'] } });
    expect(await dispatch(handlers, 'people.list', {}, win.ctx())).toMatchObject({ ok: true });
    await ok(dispatch(handlers, 'session.signOut', { locked: true }, win.ctx()));
    expect(win.userId()).toBeUndefined();
    const trail = t.lib.repos.audit.list().slice(-3).map((e) => [e.actor, e.action, JSON.parse(e.details)]);
    expect(trail).toEqual([
      ['sam', 'user.sign_in_failed', { name: 'sam', reason: 'wrong password', via: 'browser' }],
      ['sam', 'user.signed_in', { via: 'browser' }],
      ['sam', 'user.locked', { via: 'browser' }],
    ]);
  });

  it('let staff change their own password with the current one, but not anyone else’s', async () => {
    const win = windowSession();
    await ok(dispatch(handlers, 'session.signIn', { name: 'sam', password: 'sam-password-1' }, win.ctx()));
    const without = await dispatch(handlers, 'users.setPassword', { name: 'sam', password: 'sam-password-2' }, win.ctx());
    expect(without).toMatchObject({ ok: false, error: { message: 'Give your current password to change it.' } });
    const wrong = await dispatch(handlers, 'users.setPassword', { name: 'sam', password: 'sam-password-2', currentPassword: 'guess-guess' }, win.ctx());
    expect(wrong).toMatchObject({ ok: false, error: { message: 'Your current password is not right.' } });
    await ok(dispatch(handlers, 'users.setPassword', { name: 'sam', password: 'sam-password-2', currentPassword: 'sam-password-1' }, win.ctx()));
    const other = await dispatch(handlers, 'users.setPassword', { name: 'admin', password: 'taken-over-1' }, win.ctx());
    expect(other).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: 'sam may not manage profiles: this needs the users permission (admin).' },
    });
  });

  it('keep the lock time as a setting that only the admin changes', async () => {
    const win = windowSession();
    await ok(dispatch(handlers, 'session.signIn', { name: 'admin', password: 'admin-password-1' }, win.ctx()));
    expect(await ok(dispatch(handlers, 'users.setLockMinutes', { minutes: 3 }, win.ctx()))).toMatchObject({ lockMinutes: 3 });
    expect(await dispatch(handlers, 'users.setLockMinutes', { minutes: 0 }, win.ctx())).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const cli = await dispatch(handlers, 'session.signIn', { name: 'admin', password: 'admin-password-1' }, { actor: 'admin', user: null });
    expect(cli).toMatchObject({ ok: false, error: { code: 'unsupported', message: expect.stringContaining('--user NAME') } });
  });
});
