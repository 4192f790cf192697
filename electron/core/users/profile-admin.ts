import type { UserInfo } from '../../../shared/contract/users';
import type { Role } from '../../../shared/domain/permissions';
import { lastAdminRefusal, selfRemovalRefusal } from '../../../shared/domain/profile-rules';
import { ClearFrameError } from '../../../shared/result';
import type { RequestContext } from '../api/context';
import type { Library } from '../library';
import { userInfo } from './user-info';
import { checkedRoles, requireUser } from './user-service';

/** Changes a profile's roles and schools; the new roles apply to its very next request. */
export function setUserRoles(lib: Library, ctx: RequestContext, input: { name: string; roles: Role[]; schools: string[] }): UserInfo {
  const target = requireUser(lib, input.name);
  const { roles, schoolKeys, schoolIds } = checkedRoles(lib, target.name, input.roles, input.schools);
  const refused = lastAdminRefusal(lib.repos.users.list(), target.name, roles);
  if (refused) throw new ClearFrameError('conflict', refused);
  lib.transaction(() => {
    lib.repos.users.setRoles(target.id, roles, schoolIds);
    lib.repos.audit.append(ctx.actor, 'user.roles_set', `user:${target.id}`, {
      name: target.name,
      roles,
      schools: schoolKeys,
      before: { roles: target.roles, schools: target.schools },
    });
  });
  return userInfo(lib.repos.users.get(target.id)!);
}

/** Removes a profile; what it did stays in the audit log under its name. */
export function removeUser(lib: Library, ctx: RequestContext, name: string): { name: string } {
  const target = requireUser(lib, name);
  const refused = selfRemovalRefusal(ctx.user?.name ?? '', target.name) ?? lastAdminRefusal(lib.repos.users.list(), target.name, null);
  if (refused) throw new ClearFrameError('conflict', refused);
  lib.transaction(() => {
    lib.repos.users.remove(target.id);
    lib.repos.audit.append(ctx.actor, 'user.removed', `user:${target.id}`, { name: target.name, roles: target.roles, schools: target.schools });
  });
  return { name: target.name };
}
