import type { UserInfo } from '../../../shared/contract/users';
import { may, refusal, type Role } from '../../../shared/domain/permissions';
import { ClearFrameError } from '../../../shared/result';
import type { RequestContext } from '../api/context';
import { createAuditReadRepository } from '../db/repositories/audit-read-repository';
import type { Library } from '../library';
import { authenticate, wrongPassword } from './sign-in';
import { hashPassword } from './password-hash';
import { sessionUser, userInfo } from './user-info';

export const minPasswordLength = 8;

function checkNewPassword(name: string, password: string): void {
  if ([...password].length < minPasswordLength) {
    throw new ClearFrameError('invalid_input', `The password for ${name} is too short: use at least ${minPasswordLength} characters.`);
  }
  if (password.toLowerCase() === name.toLowerCase()) {
    throw new ClearFrameError('invalid_input', `The password for ${name} may not be the profile name.`);
  }
}

/** The first password turns sign-in on for everyone; only an admin can then add profiles, so it must be an admin's. */
function checkFirstPassword(lib: Library, name: string, roles: readonly Role[]): void {
  if (!lib.repos.users.anyPassword() && !roles.includes('admin')) {
    throw new ClearFrameError(
      'invalid_input',
      `Set a password for an admin profile first (clearframe users passwd admin): once any password is set everyone signs in, and only an admin can manage profiles. ${name} is not an admin.`,
    );
  }
}

export function listUsers(lib: Library): UserInfo[] {
  return lib.repos.users.list().map(userInfo);
}

export function requireUser(lib: Library, name: string) {
  const user = lib.repos.users.findByName(name);
  if (!user) throw new ClearFrameError('not_found', `There is no profile named "${name}"; clearframe users list shows them.`);
  return user;
}

export interface NewUser {
  name: string;
  roles: Role[];
  schools: string[];
  password?: string;
}

/** Roles and the schools they cover, checked and with the schools' ids: for a new profile or a change of roles. */
export function checkedRoles(lib: Library, name: string, wanted: readonly Role[], wantedSchools: readonly string[]) {
  const roles = [...new Set(wanted)];
  const schoolKeys = [...new Set(wantedSchools)];
  if (roles.includes('management') && schoolKeys.length === 0) {
    throw new ClearFrameError('invalid_input', `Name the schools ${name} manages: a management profile needs at least one school (--school KEY).`);
  }
  if (!roles.includes('management') && schoolKeys.length > 0) {
    throw new ClearFrameError('invalid_input', 'Schools belong to the management role: add --role management, or leave out --school.');
  }
  const schools = lib.repos.schools.listSchools();
  const schoolIds = schoolKeys.map((key) => {
    const school = schools.find((s) => s.key === key);
    if (!school) throw new ClearFrameError('not_found', `There is no school with the key "${key}" (known: ${schools.map((s) => s.key).join(', ') || 'none yet'}).`);
    return school.id;
  });
  return { roles, schoolKeys, schoolIds };
}

export async function addUser(lib: Library, ctx: RequestContext, input: NewUser): Promise<UserInfo> {
  if (lib.repos.users.findByName(input.name)) throw new ClearFrameError('conflict', `There is already a profile named ${input.name}.`);
  // The audit log and the four-eyes rule know people by profile name: a new profile must not inherit a removed one's history.
  if (createAuditReadRepository(lib.db).wasRemovedProfile(input.name)) {
    throw new ClearFrameError('conflict', `A removed profile was called ${input.name}, and the audit log keeps that name for it. Choose another name, e.g. with an initial.`);
  }
  const { roles, schoolKeys, schoolIds } = checkedRoles(lib, input.name, input.roles, input.schools);
  const password = input.password ?? '';
  if (password === '' && lib.repos.users.anyPassword()) {
    throw new ClearFrameError('invalid_input', `Give ${input.name} a password: this library uses passwords, so every profile needs one to sign in.`);
  }
  if (password !== '') {
    checkNewPassword(input.name, password);
    checkFirstPassword(lib, input.name, roles);
  }
  const passwordHash = password === '' ? null : await hashPassword(password);
  const id = lib.transaction(() => {
    const created = lib.repos.users.create({ name: input.name, passwordHash, roles, schoolIds });
    lib.repos.audit.append(ctx.actor, 'user.added', `user:${created}`, { name: input.name, roles, schools: schoolKeys, hasPassword: passwordHash !== null });
    return created;
  });
  return userInfo(lib.repos.users.get(id)!);
}

/**
 * Sets a password: one's own (with the current one, once there is one), or anyone's with the users permission.
 * Setting the first admin password in a single-user library keeps its user signed in as that admin.
 */
export async function setUserPassword(
  lib: Library,
  ctx: RequestContext,
  input: { name: string; password: string; currentPassword?: string },
): Promise<UserInfo> {
  const caller = ctx.user;
  if (!caller) throw new ClearFrameError('unauthorized', 'Sign in first.');
  const target = requireUser(lib, input.name);
  const own = caller.id === target.id && !caller.soleUser;
  if (!own && !may(caller, 'users')) throw new ClearFrameError('forbidden', refusal(caller, 'users'));
  if (own && target.passwordHash !== null) {
    if (!input.currentPassword) throw new ClearFrameError('invalid_input', 'Give your current password to change it.');
    await authenticate(lib, target.name, input.currentPassword, ctx.session?.via ?? 'cli').catch((err: unknown) => {
      if (err instanceof ClearFrameError && err.message === wrongPassword) throw new ClearFrameError('unauthorized', 'Your current password is not right.');
      throw err;
    });
  }
  checkNewPassword(target.name, input.password);
  checkFirstPassword(lib, target.name, target.roles);
  const first = !lib.repos.users.anyPassword();
  const passwordHash = await hashPassword(input.password);
  lib.transaction(() => {
    lib.repos.users.setPassword(target.id, passwordHash);
    lib.repos.audit.append(ctx.actor, 'user.password_set', `user:${target.id}`, { name: target.name, signInRequired: first });
  });
  const updated = lib.repos.users.get(target.id)!;
  if (first && caller.soleUser && caller.id === target.id) ctx.session?.signIn(sessionUser(updated));
  return userInfo(updated);
}
