import type { Role } from './permissions';

interface ProfileRoles {
  name: string;
  roles: readonly Role[];
}

/**
 * A library always keeps an admin: only an admin adds profiles, keeps consent and sets passwords, so without one
 * nobody could ever fix the records again. Returns why a change would leave none (removal: `roles` null), or null.
 */
export function lastAdminRefusal(profiles: readonly ProfileRoles[], name: string, roles: readonly Role[] | null): string | null {
  const key = name.toLowerCase();
  const target = profiles.find((p) => p.name.toLowerCase() === key);
  if (!target?.roles.includes('admin') || roles?.includes('admin')) return null;
  const others = profiles.filter((p) => p.name.toLowerCase() !== key && p.roles.includes('admin'));
  if (others.length > 0) return null;
  return roles === null
    ? `${target.name} is the last admin profile and cannot be removed: give another profile the admin role first.`
    : `${target.name} is the last admin profile and keeps the admin role: give another profile the admin role first.`;
}

/** Removing oneself would end the session mid-way and leave nobody to undo it: another admin does it. */
export function selfRemovalRefusal(callerName: string, name: string): string | null {
  return callerName.toLowerCase() === name.toLowerCase() ? `You cannot remove your own profile (${name}): ask another admin to do it.` : null;
}
