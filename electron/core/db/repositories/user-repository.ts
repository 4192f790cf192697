import type { Role } from '../../../../shared/domain/permissions';
import type { Db } from '../connection';

/** A profile as stored, password hash included: stays inside the core. */
export interface UserRecord {
  id: number;
  name: string;
  roles: Role[];
  schools: string[];
  passwordHash: string | null;
  createdAt: string;
  failedAttempts: number;
  lastFailedAt: string | null;
}

interface Row {
  id: number;
  name: string;
  roles: string | null;
  schools: string | null;
  passwordHash: string | null;
  createdAt: string;
  failedAttempts: number;
  lastFailedAt: string | null;
}

const select = `
  SELECT u.id, u.name, u.password_hash AS passwordHash, u.created_at AS createdAt,
         u.failed_attempts AS failedAttempts, u.last_failed_at AS lastFailedAt,
         (SELECT group_concat(role, ' ') FROM (SELECT role FROM user_roles WHERE user_id = u.id ORDER BY role)) AS roles,
         (SELECT group_concat(key, ' ') FROM (SELECT s.key FROM user_schools us JOIN schools s ON s.id = us.school_id
                                             WHERE us.user_id = u.id ORDER BY s.key)) AS schools
  FROM users u`;

function toRecord(row: Row): UserRecord {
  return {
    ...row,
    roles: (row.roles ? row.roles.split(' ') : []) as Role[],
    schools: row.schools ? row.schools.split(' ') : [],
  };
}

export function createUserRepository(db: Db) {
  const all = db.prepare<[], Row>(`${select} ORDER BY u.name COLLATE NOCASE`);
  const byName = db.prepare<[string], Row>(`${select} WHERE u.name = ? COLLATE NOCASE`);
  const byId = db.prepare<[number], Row>(`${select} WHERE u.id = ?`);
  const anyPassword = db.prepare<[], { found: number }>('SELECT EXISTS (SELECT 1 FROM users WHERE password_hash IS NOT NULL) AS found');
  const insertUser = db.prepare<[string, string | null, string | null, string]>(
    'INSERT INTO users (name, password_hash, password_set_at, created_at) VALUES (?, ?, ?, ?)',
  );
  const insertRole = db.prepare<[number, string]>('INSERT INTO user_roles (user_id, role) VALUES (?, ?)');
  const insertSchool = db.prepare<[number, number]>('INSERT INTO user_schools (user_id, school_id) VALUES (?, ?)');
  const updatePassword = db.prepare<[string, string, number]>(
    'UPDATE users SET password_hash = ?, password_set_at = ?, failed_attempts = 0, last_failed_at = NULL WHERE id = ?',
  );
  const failure = db.prepare<[string, number]>('UPDATE users SET failed_attempts = failed_attempts + 1, last_failed_at = ? WHERE id = ?');
  const clearFailures = db.prepare<[number]>('UPDATE users SET failed_attempts = 0, last_failed_at = NULL WHERE id = ? AND failed_attempts > 0');
  const deleteRoles = db.prepare<[number]>('DELETE FROM user_roles WHERE user_id = ?');
  const deleteSchools = db.prepare<[number]>('DELETE FROM user_schools WHERE user_id = ?');
  const deleteUser = db.prepare<[number]>('DELETE FROM users WHERE id = ?');

  return {
    list: (): UserRecord[] => all.all().map(toRecord),
    findByName: (name: string): UserRecord | undefined => {
      const row = byName.get(name);
      return row && toRecord(row);
    },
    get: (id: number): UserRecord | undefined => {
      const row = byId.get(id);
      return row && toRecord(row);
    },
    /** True once any profile has a password: from then on everyone signs in. */
    anyPassword: (): boolean => anyPassword.get()!.found === 1,
    create(user: { name: string; passwordHash: string | null; roles: readonly Role[]; schoolIds: readonly number[] }): number {
      const now = new Date().toISOString();
      const id = Number(insertUser.run(user.name, user.passwordHash, user.passwordHash ? now : null, now).lastInsertRowid);
      for (const role of user.roles) insertRole.run(id, role);
      for (const schoolId of user.schoolIds) insertSchool.run(id, schoolId);
      return id;
    },
    setRoles(id: number, roles: readonly Role[], schoolIds: readonly number[]): void {
      deleteRoles.run(id);
      deleteSchools.run(id);
      for (const role of roles) insertRole.run(id, role);
      for (const schoolId of schoolIds) insertSchool.run(id, schoolId);
    },
    remove(id: number): void {
      deleteRoles.run(id);
      deleteSchools.run(id);
      deleteUser.run(id);
    },
    setPassword: (id: number, passwordHash: string): void => void updatePassword.run(passwordHash, new Date().toISOString(), id),
    recordFailure: (id: number, at: Date): void => void failure.run(at.toISOString(), id),
    clearFailures: (id: number): void => void clearFailures.run(id),
  };
}

export type UserRepository = ReturnType<typeof createUserRepository>;
