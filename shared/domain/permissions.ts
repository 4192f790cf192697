/**
 * Who may do what (protocol rule 2: staff prepare, the school's management or the foundation's board release).
 * Pure: the core enforces it in dispatch and services, the UI uses it to hide what a profile cannot do.
 */

export const roles = ['admin', 'staff', 'management', 'board', 'auditor'] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  'read',
  'reports',
  'import',
  'tag',
  'prepare',
  'ask',
  'people',
  'consent',
  'channels',
  'settings',
  'users',
  'export',
  'release',
  'answer',
] as const;
export type Permission = (typeof permissions)[number];

/** What each permission allows, written to finish "<profile> may not …". */
export const permissionActions: Record<Permission, string> = {
  read: 'see the library',
  reports: 'read the audit log and reports',
  import: 'import photos and videos',
  tag: 'edit media details and tag faces',
  prepare: 'prepare posts',
  ask: 'mark something as doubtful',
  people: 'change people, schools and classes',
  consent: 'change consent records',
  channels: 'change channels',
  settings: 'change settings',
  users: 'manage profiles',
  export: 'export or publish media',
  release: 'release media for publication',
  answer: 'answer doubts',
};

/**
 * The role table. The admin keeps the records and may also do the staff's preparing work (a small school has one
 * person for both); publishing stays with management and board, and the auditor only reads.
 */
export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: ['read', 'reports', 'import', 'tag', 'prepare', 'ask', 'people', 'consent', 'channels', 'settings', 'users'],
  staff: ['read', 'import', 'tag', 'prepare', 'ask'],
  management: ['read', 'ask', 'export', 'release', 'answer'],
  board: ['read', 'ask', 'export', 'release', 'answer'],
  auditor: ['read', 'reports'],
};

/** The permissions that are granted per publishing identity, not library-wide. */
export const identityPermissions = ['release', 'answer'] as const satisfies readonly Permission[];
export type IdentityPermission = (typeof identityPermissions)[number];

/** In whose name something is published: the foundation or one school (by key). */
export type Identity = { kind: 'foundation' } | { kind: 'school'; key: string };

export interface Profile {
  name: string;
  roles: readonly Role[];
  /** The school keys this profile is management of. */
  schools: readonly string[];
  /**
   * Set while no profile has a password: the library has one user in practice (scripts, tests, a single teacher),
   * who may do everything. Rule 2's separation needs more than one person.
   */
  soleUser?: boolean;
}

/** May this profile do this library-wide? Identity-scoped permissions also need `mayFor`. */
export function may(profile: Profile, permission: Permission): boolean {
  return profile.soleUser === true || profile.roles.some((r) => rolePermissions[r].includes(permission));
}

/** Rule 2: the foundation's board for the foundation, a school's management for that school. */
export function mayFor(profile: Profile, permission: IdentityPermission, identity: Identity): boolean {
  if (profile.soleUser === true) return true;
  if (!may(profile, permission)) return false;
  if (identity.kind === 'foundation') return profile.roles.includes('board');
  return profile.roles.includes('management') && profile.schools.includes(identity.key);
}

/** May this profile release media for publication in the name of this identity? */
export const mayRelease = (profile: Profile, identity: Identity): boolean => mayFor(profile, 'release', identity);

/** May this profile answer doubts raised about posts for this identity? */
export const mayAnswer = (profile: Profile, identity: Identity): boolean => mayFor(profile, 'answer', identity);

export function rolesWith(permission: Permission): Role[] {
  return roles.filter((r) => rolePermissions[r].includes(permission));
}

function describeRoles(permission: Permission): string {
  const holders = rolesWith(permission);
  return holders.length === 0 ? 'no role has it' : holders.join(', ');
}

/** The sentence for a refusal: who, what they tried, and which permission (held by which roles) it needs. */
export function refusal(profile: Pick<Profile, 'name'>, permission: Permission): string {
  return `${profile.name} may not ${permissionActions[permission]}: this needs the ${permission} permission (${describeRoles(permission)}).`;
}

export function identityLabel(identity: Identity): string {
  return identity.kind === 'foundation' ? 'the foundation' : `school ${identity.key}`;
}

/** The refusal for an identity-scoped action, naming who may do it instead. */
export function identityRefusal(profile: Pick<Profile, 'name'>, permission: IdentityPermission, identity: Identity): string {
  const who = identity.kind === 'foundation' ? 'the board' : `the management of school ${identity.key}`;
  return `${profile.name} may not ${permissionActions[permission]} for ${identityLabel(identity)}: only ${who} may.`;
}
