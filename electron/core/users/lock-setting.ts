import type { SessionStatus } from '../../../shared/contract/users';
import { lockMinutesRange } from '../../../shared/contract/users';
import type { RequestContext } from '../api/context';
import type { Library } from '../library';
import { userInfo } from './user-info';

const key = 'lock_minutes';

export function lockMinutes(lib: Library): number {
  const stored = Number(lib.repos.settings.get(key));
  return Number.isInteger(stored) && stored >= lockMinutesRange.min ? stored : lockMinutesRange.default;
}

export function setLockMinutes(lib: Library, ctx: RequestContext, minutes: number): SessionStatus {
  lib.transaction(() => {
    lib.repos.settings.set(key, String(minutes));
    lib.repos.audit.append(ctx.actor, 'settings.lock_minutes', 'settings', { minutes });
  });
  return sessionStatus(lib, ctx);
}

export function sessionStatus(lib: Library, ctx: RequestContext): SessionStatus {
  const record = ctx.user ? lib.repos.users.get(ctx.user.id) : undefined;
  return {
    mode: lib.repos.users.anyPassword() ? 'passwords' : 'single-user',
    user: record ? userInfo(record) : null,
    lockMinutes: lockMinutes(lib),
  };
}
