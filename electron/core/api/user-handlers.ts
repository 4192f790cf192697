import type { usersCommands } from '../../../shared/contract/users';
import type { Library } from '../library';
import { sessionStatus, setLockMinutes } from '../users/lock-setting';
import { signIn, signOut } from '../users/session-service';
import { removeUser, setUserRoles } from '../users/profile-admin';
import { addUser, listUsers, setUserPassword } from '../users/user-service';
import type { FeatureHandlers } from './handler-types';

export function userHandlers(lib: Library): FeatureHandlers<keyof typeof usersCommands> {
  return {
    'session.status': (_input, ctx) => sessionStatus(lib, ctx),
    'session.signIn': ({ name, password }, ctx) => signIn(lib, ctx, name, password),
    'session.signOut': ({ locked }, ctx) => signOut(lib, ctx, locked),
    'users.list': () => listUsers(lib),
    'users.add': (input, ctx) => addUser(lib, ctx, input),
    'users.setPassword': (input, ctx) => setUserPassword(lib, ctx, input),
    'users.setRoles': (input, ctx) => setUserRoles(lib, ctx, input),
    'users.remove': ({ name }, ctx) => removeUser(lib, ctx, name),
    'users.setLockMinutes': ({ minutes }, ctx) => setLockMinutes(lib, ctx, minutes),
  };
}
