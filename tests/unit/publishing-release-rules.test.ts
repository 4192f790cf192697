import { describe, expect, it } from 'vitest';
import { releaseRefusal } from '../../electron/core/publishing/release-rules';
import { roles, type Identity, type Profile, type Role } from '../../shared/domain/permissions';

const foundation: Identity = { kind: 'foundation' };
const oak: Identity = { kind: 'school', key: 'oak' };
const elm: Identity = { kind: 'school', key: 'elm' };

const profile = (role: Role, extra: Partial<Profile> = {}): Profile => ({ name: 'pat', roles: [role], schools: role === 'management' ? ['oak'] : [], ...extra });

/** Who may release a post of someone else (rule 2): the expected table, role × identity. */
const expected: Record<Role, Record<'foundation' | 'oak' | 'elm', boolean>> = {
  admin: { foundation: false, oak: false, elm: false },
  staff: { foundation: false, oak: false, elm: false },
  management: { foundation: false, oak: true, elm: false },
  board: { foundation: true, oak: false, elm: false },
  auditor: { foundation: false, oak: false, elm: false },
};

describe('release rules: role × identity × author', () => {
  for (const role of roles) {
    for (const [key, identity] of [['foundation', foundation], ['oak', oak], ['elm', elm]] as const) {
      it(`${role} releasing for ${key}: ${expected[role][key] ? 'allowed' : 'refused'} for another author's post, always refused for their own`, () => {
        const other = releaseRefusal(profile(role), identity, 'sam', 1);
        expect(other === null, String(other)).toBe(expected[role][key]);
        const own = releaseRefusal(profile(role), identity, 'pat', 1);
        expect(own).not.toBeNull();
        if (expected[role][key]) expect(own).toContain('four eyes');
        else expect(own).toContain('may not release media for publication');
      });
    }
  }

  it('management of several schools releases for each of them', () => {
    const both = profile('management', { schools: ['oak', 'elm'] });
    expect(releaseRefusal(both, oak, 'sam', 1)).toBeNull();
    expect(releaseRefusal(both, elm, 'sam', 1)).toBeNull();
  });

  it('the sole user of a library without passwords may release their own post: there is nobody else', () => {
    const sole = profile('admin', { soleUser: true });
    for (const identity of [foundation, oak, elm]) expect(releaseRefusal(sole, identity, 'pat', 1)).toBeNull();
  });

  it('names who may release instead', () => {
    expect(releaseRefusal(profile('staff'), foundation, 'sam', 3)).toBe('pat may not release media for publication for the foundation: only the board may.');
    expect(releaseRefusal(profile('board'), oak, 'sam', 3)).toBe('pat may not release media for publication for school oak: only the management of school oak may.');
    expect(releaseRefusal(profile('board'), foundation, 'pat', 3)).toBe('pat prepared post 3, so someone else must release it: a post needs four eyes.');
  });
});
