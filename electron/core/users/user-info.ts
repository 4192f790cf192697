import type { UserInfo } from '../../../shared/contract/users';
import type { UserRecord } from '../db/repositories/user-repository';
import type { SessionUser } from '../api/context';

export function userInfo(record: UserRecord): UserInfo {
  return {
    id: record.id,
    name: record.name,
    roles: record.roles,
    schools: record.schools,
    hasPassword: record.passwordHash !== null,
    createdAt: record.createdAt,
  };
}

export function sessionUser(record: UserRecord, soleUser = false): SessionUser {
  return { id: record.id, name: record.name, roles: record.roles, schools: record.schools, ...(soleUser ? { soleUser } : {}) };
}
