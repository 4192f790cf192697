import { z } from 'zod';
import { roles, type Role } from '../domain/permissions';
import { command } from './define';

/** A profile as shown to people: never its password hash. */
export interface UserInfo {
  id: number;
  name: string;
  roles: Role[];
  /** School keys, for the management role. */
  schools: string[];
  hasPassword: boolean;
  createdAt: string;
}

export interface SessionStatus {
  /**
   * `single-user` while no profile has a password: nobody signs in and the admin profile does everything.
   * `passwords` once any password is set: every caller signs in.
   */
  mode: 'single-user' | 'passwords';
  /** Who is signed in (in single-user mode: the admin profile); null when nobody is. */
  user: UserInfo | null;
  /** The UI locks after this many minutes without use. */
  lockMinutes: number;
}

export const profileName = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, { message: 'Use 1 to 40 letters, digits, dots, dashes or underscores, starting with a letter or digit.' });
const password = z.string().max(1024);
const schoolKey = z.string().trim().min(1).max(40);

export const lockMinutesRange = { min: 1, max: 240, default: 10 } as const;

export const usersCommands = {
  'session.status': command(z.object({})).returns<SessionStatus>(),
  'session.signIn': command(z.object({ name: profileName, password })).returns<SessionStatus>(),
  /** `locked`: ended because nobody used the app for a while, not by choice; the audit says which. */
  'session.signOut': command(z.object({ locked: z.boolean().default(false) })).returns<SessionStatus>(),
  'users.list': command(z.object({})).returns<UserInfo[]>(),
  'users.add': command(
    z.object({
      name: profileName,
      roles: z.array(z.enum(roles)).min(1).max(roles.length),
      schools: z.array(schoolKey).max(100).default([]),
      /** Empty or absent: no password yet (only while the library is single-user). */
      password: password.optional(),
    }),
  ).returns<UserInfo>(),
  /** A profile's own password needs `currentPassword` once it has one; an admin sets others' without it. */
  'users.setPassword': command(z.object({ name: profileName, password, currentPassword: password.optional() })).returns<UserInfo>(),
  /** Replaces a profile's roles (and the schools of its management role); the library always keeps an admin. */
  'users.setRoles': command(
    z.object({ name: profileName, roles: z.array(z.enum(roles)).min(1).max(roles.length), schools: z.array(schoolKey).max(100).default([]) }),
  ).returns<UserInfo>(),
  /** Removes a profile (not one's own, not the last admin); its audit entries keep its name. */
  'users.remove': command(z.object({ name: profileName })).returns<{ name: string }>(),
  'users.setLockMinutes': command(
    z.object({ minutes: z.number().int().min(lockMinutesRange.min).max(lockMinutesRange.max) }),
  ).returns<SessionStatus>(),
};
