import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandNames } from '../../shared/contract';
import { commandPermissions } from '../../shared/domain/command-permissions';
import { startServer, type RunningServer } from '../../electron/server/server';
import { rawRequest } from './server-http';

let root: string;
let server: RunningServer;
let token: Record<string, string>;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'cf-users-http-'));
  server = await startServer({ home: join(root, 'library'), rendererRoot: join(root, 'no-renderer') });
  token = { Authorization: `Bearer ${server.token}` };
});
afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

/** A browser: the launch token, plus the session cookie once it has one. */
function browser() {
  let cookie: string | undefined;
  return {
    async call(command: string, input: unknown = {}) {
      const res = await rawRequest(server.port, {
        method: 'POST',
        path: `/api/${command}`,
        headers: { ...token, 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
        body: JSON.stringify(input),
      });
      const set = res.headers['set-cookie']?.[0];
      if (set) cookie = set.split(';')[0]!.endsWith('=') ? undefined : set.split(';')[0];
      return { status: res.status, setCookie: set, result: JSON.parse(res.text) };
    },
    get: (path: string) => rawRequest(server.port, { path, headers: { ...token, ...(cookie ? { Cookie: cookie } : {}) } }),
    upload: () =>
      rawRequest(server.port, { method: 'POST', path: '/upload?name=a.jpg', headers: { ...token, ...(cookie ? { Cookie: cookie } : {}) }, body: 'x' }),
    cookie: () => cookie,
  };
}

function auditLength(): number {
  const db = new Database(join(root, 'library', 'library.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
  } finally {
    db.close();
  }
}

const admin = browser();

describe('browser mode before any password', () => {
  it('runs every command as the admin without signing in', async () => {
    const nobody = browser();
    expect((await nobody.call('people.list')).result).toEqual({ ok: true, value: [] });
    expect((await nobody.call('session.status')).result.value).toMatchObject({ mode: 'single-user', user: { name: 'admin' } });
    // Media are served (this id does not exist), not refused.
    expect((await nobody.get('/media/thumb/1')).status).toBe(404);
  });

  it('signs the browser in as the admin when it sets the first password, with an HttpOnly session cookie', async () => {
    const r = await admin.call('users.setPassword', { name: 'admin', password: 'admin-password-1' });
    expect(r.result).toMatchObject({ ok: true, value: { name: 'admin', hasPassword: true } });
    expect(r.setCookie).toMatch(/^cf_session=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/$/);
    expect((await admin.call('session.status')).result.value).toMatchObject({ mode: 'passwords', user: { name: 'admin' } });
  });
});

describe('browser mode with passwords', () => {
  beforeAll(async () => {
    await admin.call('users.add', { name: 'sam', roles: ['staff'], password: 'sam-password-1' });
    await admin.call('users.add', { name: 'ann', roles: ['auditor'], password: 'ann-password-1' });
  });

  it('refuses commands, media and uploads to a browser that has not signed in', async () => {
    const stranger = browser();
    expect((await stranger.call('people.list')).result).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect((await stranger.call('session.status')).result).toMatchObject({ ok: true, value: { mode: 'passwords', user: null } });
    const media = await stranger.get('/media/thumb/1');
    expect(media.status).toBe(401);
    expect(media.text).toContain('Sign in first');
    const upload = await stranger.upload();
    expect(upload.status).toBe(401);
    expect(JSON.parse(upload.text)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('does not accept a session cookie without the launch token', async () => {
    const res = await rawRequest(server.port, { method: 'POST', path: '/api/people.list', headers: { Cookie: admin.cookie()! } });
    expect(res.status).toBe(401);
  });

  it('refuses a staff profile the admin-only commands and writes nothing', async () => {
    const sam = browser();
    expect((await sam.call('session.signIn', { name: 'sam', password: 'wrong-one-1' })).result).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(sam.cookie()).toBeUndefined();
    expect((await sam.call('session.signIn', { name: 'sam', password: 'sam-password-1' })).result.value).toMatchObject({ user: { name: 'sam' } });
    const before = auditLength();
    const person = { externalId: 'P1', firstName: 'Emma', lastName: 'Jansen', role: 'pupil', classId: null, schoolId: null, dateOfBirth: null };
    expect((await sam.call('people.create', person)).result).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'sam may not change people, schools and classes: this needs the people permission (admin).' },
    });
    expect((await sam.call('consent.set', { person: 'P1', channel: 'website', status: 'granted' })).result).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: 'sam may not change consent records: this needs the consent permission (admin).' },
    });
    expect(auditLength()).toBe(before);
    // Staff may import: the upload is let through.
    expect((await sam.upload()).status).toBe(200);
  });

  it('refuses the auditor every write, and writes nothing', async () => {
    const ann = browser();
    await ann.call('session.signIn', { name: 'ann', password: 'ann-password-1' });
    const before = auditLength();
    const writes = commandNames.filter((n) => !['read', 'reports', 'public', 'signedIn'].includes(commandPermissions[n]));
    for (const name of writes) {
      const { result } = await ann.call(name, {});
      expect(result, name).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/^ann may not /) } });
    }
    expect((await ann.upload()).status).toBe(403);
    expect(auditLength()).toBe(before);
    expect((await ann.call('people.list')).result.ok).toBe(true);
  });

  it('signs out: the cookie is cleared and the old session id no longer works', async () => {
    const sam = browser();
    await sam.call('session.signIn', { name: 'sam', password: 'sam-password-1' });
    const old = sam.cookie()!;
    const out = await sam.call('session.signOut', {});
    expect(out.setCookie).toBe('cf_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0');
    const replay = await rawRequest(server.port, {
      method: 'POST',
      path: '/api/people.list',
      headers: { ...token, Cookie: old, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(JSON.parse(replay.text)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });
});
