import { describe, expect, it } from 'vitest';
import type { Role } from '../../shared/domain/permissions';
import { lastAdminRefusal, selfRemovalRefusal } from '../../shared/domain/profile-rules';

const p = (name: string, ...roles: Role[]) => ({ name, roles });

describe('a library keeps an admin', () => {
  const one = [p('admin', 'admin'), p('sam', 'staff')];
  const two = [p('admin', 'admin'), p('Ann', 'admin', 'board'), p('sam', 'staff')];

  it('refuses removing the last admin, or taking its admin role, whatever the letter case', () => {
    expect(lastAdminRefusal(one, 'ADMIN', null)).toBe('admin is the last admin profile and cannot be removed: give another profile the admin role first.');
    expect(lastAdminRefusal(one, 'admin', ['staff'])).toBe('admin is the last admin profile and keeps the admin role: give another profile the admin role first.');
  });

  it('allows it when another admin stays, or when the admin role stays', () => {
    expect(lastAdminRefusal(two, 'admin', null)).toBeNull();
    expect(lastAdminRefusal(two, 'ann', ['board'])).toBeNull();
    expect(lastAdminRefusal(one, 'admin', ['admin', 'staff'])).toBeNull();
  });

  it('has nothing to say about non-admins or unknown names', () => {
    expect(lastAdminRefusal(one, 'sam', null)).toBeNull();
    expect(lastAdminRefusal(one, 'sam', ['auditor'])).toBeNull();
    expect(lastAdminRefusal(one, 'ghost', null)).toBeNull();
  });
});

describe('nobody removes their own profile', () => {
  it('compares names without letter case', () => {
    expect(selfRemovalRefusal('Mia', 'mia')).toBe('You cannot remove your own profile (mia): ask another admin to do it.');
    expect(selfRemovalRefusal('admin', 'mia')).toBeNull();
  });
});
