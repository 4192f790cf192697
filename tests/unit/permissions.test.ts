import { describe, expect, it } from 'vitest';
import { commandNames } from '../../shared/contract';
import { commandPermissions } from '../../shared/domain/command-permissions';
import {
  identityRefusal,
  may,
  mayAnswer,
  mayFor,
  mayRelease,
  permissions,
  refusal,
  roles,
  rolesWith,
  type Identity,
  type Permission,
  type Profile,
  type Role,
} from '../../shared/domain/permissions';

/**
 * The role descriptions, written out independently of the table under test: who may do each thing.
 * admin: consent records, people, channels, settings, profiles (and the staff's preparing work);
 * staff: import, tag, prepare posts; management and board: release and answer doubts (per identity), export;
 * auditor: read-only, plus reports. Everyone reads; everyone but the auditor may raise a doubt.
 */
const expected: Record<Permission, readonly Role[]> = {
  read: ['admin', 'staff', 'management', 'board', 'auditor'],
  reports: ['admin', 'auditor'],
  import: ['admin', 'staff'],
  tag: ['admin', 'staff'],
  prepare: ['admin', 'staff'],
  ask: ['admin', 'staff', 'management', 'board'],
  people: ['admin'],
  consent: ['admin'],
  channels: ['admin'],
  settings: ['admin'],
  users: ['admin'],
  export: ['management', 'board'],
  release: ['management', 'board'],
  answer: ['management', 'board'],
};

/** Every set of roles a profile can hold (2^5), each with no school, school a, or schools a and b. */
function* profiles(): Generator<Profile> {
  for (let mask = 1; mask < 1 << roles.length; mask++) {
    const held = roles.filter((_, i) => mask & (1 << i));
    for (const schools of [[], ['a'], ['a', 'b']]) yield { name: `p${mask}`, roles: held, schools };
  }
}

const identities: Identity[] = [{ kind: 'foundation' }, { kind: 'school', key: 'a' }, { kind: 'school', key: 'b' }, { kind: 'school', key: 'c' }];

function expectedFor(profile: Profile, _permission: 'release' | 'answer', identity: Identity): boolean {
  if (identity.kind === 'foundation') return profile.roles.includes('board');
  return profile.roles.includes('management') && profile.schools.includes(identity.key);
}

describe('the role table', () => {
  it('gives each role exactly the permissions the issue describes', () => {
    for (const permission of permissions) expect(rolesWith(permission), permission).toEqual(expected[permission]);
  });

  it('decides every permission for every combination of roles: a profile may what any of its roles may', () => {
    let checked = 0;
    for (const profile of profiles()) {
      for (const permission of permissions) {
        expect(may(profile, permission), `${profile.roles.join('+')} ${permission}`).toBe(profile.roles.some((r) => expected[permission].includes(r)));
        checked++;
      }
    }
    expect(checked).toBe(31 * 3 * permissions.length);
  });

  it('keeps the auditor read-only and staff away from records, export and release', () => {
    const auditor: Profile = { name: 'ann', roles: ['auditor'], schools: [] };
    expect(permissions.filter((p) => may(auditor, p))).toEqual(['read', 'reports']);
    const staff: Profile = { name: 'sam', roles: ['staff'], schools: [] };
    for (const p of ['consent', 'people', 'channels', 'users', 'export', 'release', 'answer'] as const) expect(may(staff, p)).toBe(false);
  });
});

describe('release and answering per identity (rule 2)', () => {
  it('decides every role set × schools × identity × action', () => {
    let checked = 0;
    for (const profile of profiles()) {
      for (const identity of identities) {
        for (const action of ['release', 'answer'] as const) {
          const want = expectedFor(profile, action, identity);
          expect(mayFor(profile, action, identity), `${profile.roles.join('+')} [${profile.schools}] ${action} ${JSON.stringify(identity)}`).toBe(want);
          expect((action === 'release' ? mayRelease : mayAnswer)(profile, identity)).toBe(want);
          checked++;
        }
      }
    }
    expect(checked).toBe(31 * 3 * identities.length * 2);
  });

  it('lets management release only for its own schools, and never for the foundation', () => {
    const head: Profile = { name: 'mia', roles: ['management'], schools: ['a'] };
    expect(mayRelease(head, { kind: 'school', key: 'a' })).toBe(true);
    expect(mayRelease(head, { kind: 'school', key: 'b' })).toBe(false);
    expect(mayRelease(head, { kind: 'foundation' })).toBe(false);
    const board: Profile = { name: 'bo', roles: ['board'], schools: [] };
    expect(mayRelease(board, { kind: 'foundation' })).toBe(true);
    expect(mayRelease(board, { kind: 'school', key: 'a' })).toBe(false);
    const admin: Profile = { name: 'admin', roles: ['admin'], schools: ['a'] };
    expect(identities.some((i) => mayRelease(admin, i))).toBe(false);
  });

  it('lets the sole user of a single-user library do everything, for every identity', () => {
    const sole: Profile = { name: 'admin', roles: ['admin'], schools: [], soleUser: true };
    for (const p of permissions) expect(may(sole, p)).toBe(true);
    for (const i of identities) expect(mayRelease(sole, i) && mayAnswer(sole, i)).toBe(true);
  });
});

describe('refusal sentences', () => {
  it('name the profile, the action, the permission and the roles that have it', () => {
    expect(refusal({ name: 'sam' }, 'consent')).toBe('sam may not change consent records: this needs the consent permission (admin).');
    expect(refusal({ name: 'ann' }, 'export')).toBe('ann may not export or publish media: this needs the export permission (management, board).');
    expect(identityRefusal({ name: 'mia' }, 'release', { kind: 'school', key: 'b' })).toBe(
      'mia may not release media for publication for school b: only the management of school b may.',
    );
  });
});

describe('command permissions', () => {
  it('name what every contract command needs', () => {
    for (const name of commandNames) expect(commandPermissions[name], name).toBeDefined();
    expect(Object.keys(commandPermissions).sort()).toEqual([...commandNames].sort());
  });

  it('let signing in and asking about the session run without a profile, and nothing else', () => {
    expect(commandNames.filter((n) => commandPermissions[n] === 'public').sort()).toEqual(['session.signIn', 'session.signOut', 'session.status']);
  });

  it('need more than read for every command that changes something', () => {
    const changes = commandNames.filter((n) => /\.(set|create|update|import|add|remove|cancel|loadDemo|start|done|assign|detect)([A-Z]|$)/.test(n));
    expect(changes.length).toBeGreaterThan(10);
    for (const name of changes) expect(commandPermissions[name], name).not.toBe('read');
  });

  it('keep consent and people changes with the admin, as rule 5 records are the admin’s', () => {
    expect(commandPermissions['consent.set']).toBe('consent');
    expect(commandPermissions['people.create']).toBe('people');
    expect(commandPermissions['users.add']).toBe('users');
    expect(commandPermissions['media.import']).toBe('import');
  });
});
