import { ClearFrameError } from '../../../shared/result';
import type { UserRecord } from '../db/repositories/user-repository';
import type { Library } from '../library';
import { spendVerifyTime, verifyPassword } from './password-hash';
import { describeWait, remainingWaitMs } from './sign-in-delay';

export type SignInVia = 'cli' | 'browser' | 'desktop';

export const wrongPassword = 'The profile name or password is not right.';

/**
 * Checks a profile's password. Failures are counted in the database (so waiting also holds across command-line
 * calls) and written to the audit log with the reason, never the password. A successful desktop or browser
 * sign-in is audited by the caller; a command-line call is not a session, its changes carry the profile's name.
 */
export async function authenticate(lib: Library, name: string, password: string, via: SignInVia, now = () => new Date()): Promise<UserRecord> {
  const user = lib.repos.users.findByName(name);
  const refuse = (reason: string, sentence: string, record?: UserRecord): never => {
    lib.transaction(() => {
      if (record && reason === 'wrong password') lib.repos.users.recordFailure(record.id, now());
      lib.repos.audit.append(record?.name ?? name, 'user.sign_in_failed', record ? `user:${record.id}` : 'user:unknown', { name, reason, via });
    });
    throw new ClearFrameError('unauthorized', sentence);
  };
  if (!user) {
    await spendVerifyTime(password);
    return refuse('unknown profile', wrongPassword);
  }
  const wait = remainingWaitMs(user.failedAttempts, user.lastFailedAt, now());
  if (wait > 0) {
    return refuse('too many wrong passwords', `Too many wrong passwords for ${user.name}: wait ${describeWait(wait)} and try again.`, user);
  }
  if (user.passwordHash === null) {
    return refuse('no password', `${user.name} has no password yet: an admin sets one (clearframe users passwd ${user.name}).`, user);
  }
  if (!(await verifyPassword(password, user.passwordHash))) return refuse('wrong password', wrongPassword, user);
  lib.repos.users.clearFailures(user.id);
  return user;
}
