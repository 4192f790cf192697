import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commandNames, type CommandName } from '../../shared/contract';
import { commandPermissions } from '../../shared/domain/command-permissions';
import { may, refusal, roles, type Role } from '../../shared/domain/permissions';
import { localAdmin, type RequestContext } from '../../electron/core/api/context';
import { dispatch, type Handlers } from '../../electron/core/api/dispatch';
import { createHandlers } from '../../electron/core/api/handlers';
import { createSchool } from '../../electron/core/services/org-service';
import { tempLibrary } from '../helpers/temp-library';

const as = (role: Role, name: string = role): RequestContext => ({
  actor: name,
  user: { id: 99, name, roles: [role], schools: role === 'management' ? ['oak'] : [] },
});

describe('dispatch checks the permission before the handler runs', () => {
  /** Handlers that only note that they ran. */
  function recordingHandlers(ran: CommandName[]): Handlers {
    return new Proxy({} as Handlers, { get: (_t, name) => () => void ran.push(name as CommandName) });
  }

  it('for every command and every role: runs it exactly when the role has the permission, else refuses with the sentence', async () => {
    let refused = 0;
    for (const role of roles) {
      for (const name of commandNames) {
        const ran: CommandName[] = [];
        const needed = commandPermissions[name];
        const allowed = needed === 'public' || needed === 'signedIn' || may(as(role).user!, needed);
        const result = await dispatch(recordingHandlers(ran), name, {}, as(role));
        if (allowed) {
          // Either it ran, or the empty input was not valid for it; never a permission refusal.
          expect(result.ok || result.error.code === 'invalid_input', `${role} ${name}`).toBe(true);
        } else {
          refused++;
          expect(ran, `${role} ${name}`).toEqual([]);
          expect(result).toEqual({ ok: false, error: { code: 'forbidden', message: refusal({ name: role }, needed as never) } });
        }
      }
    }
    expect(refused).toBeGreaterThan(50);
  });

  it('refuses everything but the session commands when nobody is signed in', async () => {
    for (const name of commandNames) {
      const ran: CommandName[] = [];
      const result = await dispatch(recordingHandlers(ran), name, {}, { actor: 'nobody', user: null });
      if (commandPermissions[name] === 'public') continue;
      expect(ran, name).toEqual([]);
      expect(result, name).toMatchObject({ ok: false, error: { code: 'unauthorized', message: expect.stringContaining('Sign in first') } });
    }
  });
});

describe('refused calls on a real library write nothing', () => {
  let t: ReturnType<typeof tempLibrary>;
  let handlers: Handlers;
  beforeEach(() => {
    t = tempLibrary();
    handlers = createHandlers(t.lib);
    createSchool(t.lib, localAdmin, 'oak', 'Oak School');
  });
  afterEach(() => t.cleanup());

  /** Every row of every table: a refused call must leave all of them as they were. */
  function snapshot(): string {
    const tables = t.lib.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    return JSON.stringify(tables.map((name) => [name, t.lib.db.prepare(`SELECT * FROM "${name}"`).all()]));
  }

  const person = { externalId: 'P1', firstName: 'Emma', lastName: 'Jansen', role: 'pupil', classId: null, schoolId: null, dateOfBirth: '2014-03-02' };

  it('staff may not create people or record consent', async () => {
    await dispatch(handlers, 'people.create', person, localAdmin);
    const before = snapshot();
    const auditLength = t.lib.repos.audit.list().length;
    const create = await dispatch(handlers, 'people.create', { ...person, externalId: 'P2' }, as('staff', 'sam'));
    expect(create).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'sam may not change people, schools and classes: this needs the people permission (admin).' },
    });
    const consent = await dispatch(handlers, 'consent.set', { person: 'P1', channel: 'website', status: 'granted' }, as('staff', 'sam'));
    expect(consent).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'sam may not change consent records: this needs the consent permission (admin).' },
    });
    expect(t.lib.repos.audit.list()).toHaveLength(auditLength);
    expect(snapshot()).toBe(before);
    // The same calls as the admin do write: the comparison above could have seen a change.
    await dispatch(handlers, 'consent.set', { person: 'P1', channel: 'website', status: 'granted' }, localAdmin);
    expect(t.lib.repos.audit.list().length).toBeGreaterThan(auditLength);
  });

  it('the auditor may not run any command that needs more than reading or reports', async () => {
    const writes = commandNames.filter((n) => !['read', 'reports', 'public', 'signedIn'].includes(commandPermissions[n]));
    expect(writes.length).toBeGreaterThan(15);
    const before = snapshot();
    for (const name of writes) {
      const result = await dispatch(handlers, name, {}, as('auditor', 'ann'));
      expect(result, name).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/^ann may not .+: this needs the \w+ permission \(.+\)\.$/) } });
    }
    const other = await dispatch(handlers, 'users.setPassword', { name: 'admin', password: 'auditor-was-here' }, as('auditor', 'ann'));
    expect(other).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(snapshot()).toBe(before);
    expect(await dispatch(handlers, 'people.list', {}, as('auditor', 'ann'))).toMatchObject({ ok: true });
  });
});
