import type { UserInfo } from '../../shared/contract/users';
import { lockMinutesRange } from '../../shared/contract/users';
import { may, refusal, roles } from '../../shared/domain/permissions';
import { flag, list, oneOf } from './arguments';
import { CliError, exitCodes, usageError } from './cli-error';
import type { CliCommand } from './command';
import { count, table } from './output';
import { promptNewPassword } from './password-prompt';
import type { Session } from './session';

const userShape = '{name, roles, schools, has_password, created_at}';

function userJson(u: UserInfo) {
  return { name: u.name, roles: u.roles, schools: u.schools, has_password: u.hasPassword, created_at: u.createdAt };
}

/** A new password comes from CLEARFRAME_NEW_PASSWORD or is typed twice; never from an argument, which ends up in shell history. */
function newPassword(name: string, extra = ''): Promise<string> {
  const fromEnv = process.env.CLEARFRAME_NEW_PASSWORD;
  if (fromEnv !== undefined) return Promise.resolve(fromEnv);
  return promptNewPassword(name, `No new password for ${name}: set CLEARFRAME_NEW_PASSWORD, or run clearframe in a terminal to be asked for it${extra}.`);
}

/** Refuses before asking for a new password, so a refused call neither prompts nor writes. */
async function mayChangePasswordOf(session: Session, name: string): Promise<void> {
  const ctx = await session.context('users.setPassword');
  const own = ctx.user && !ctx.user.soleUser && ctx.user.name.toLowerCase() === name.toLowerCase();
  if (ctx.user && !own && !may(ctx.user, 'users')) throw new CliError('forbidden', refusal(ctx.user, 'users'), exitCodes.failure);
}

export const usersCommands: CliCommand[] = [
  {
    name: 'users add',
    usage: '<name>',
    summary: 'Add a profile with one or more roles.',
    details: [
      `Roles: ${roles.join(', ')}. A management profile names the schools it manages with --school (one or more).`,
      'The password comes from CLEARFRAME_NEW_PASSWORD or is asked twice in the terminal. While the library has no',
      'passwords yet, --no-password adds a profile without one (an admin sets it later with `users passwd`).',
      'The first password in a library must be an admin\'s: from then on every call names its profile with --user.',
      `JSON: ${userShape}`,
    ],
    options: {
      role: { type: 'string', multiple: true, value: roles.join('|'), description: 'A role of the profile (repeat for several).' },
      school: { type: 'string', multiple: true, value: 'KEY', description: 'A school the management role covers (repeat for several).' },
      'no-password': { type: 'boolean', description: 'Add the profile without a password (only while the library has none).' },
    },
    args: { min: 1, max: 1 },
    async run(session, input) {
      const name = input.args[0]!;
      const chosen = list(input, 'role').map((r) => oneOf(r, roles, '--role')!);
      if (chosen.length === 0) throw usageError(`Give ${name} a role with --role ${roles.join('|')}.`);
      await session.context('users.add');
      const password = flag(input, 'no-password') ? undefined : await newPassword(name, ', or add --no-password');
      const user = await session.call('users.add', { name, roles: chosen, schools: list(input, 'school'), password });
      const schools = user.schools.length ? ` for ${user.schools.join(', ')}` : '';
      return {
        json: userJson(user),
        human: `Added ${user.name} (${user.roles.join(', ')}${schools})${user.hasPassword ? '' : ', without a password'}.`,
      };
    },
  },
  {
    name: 'users passwd',
    usage: '<name>',
    summary: "Set a profile's password (your own, or anyone's as an admin).",
    details: [
      'The new password comes from CLEARFRAME_NEW_PASSWORD or is asked twice in the terminal; at least 8 characters.',
      'Setting the first password turns sign-in on: every later call needs --user NAME.',
      `JSON: ${userShape}`,
    ],
    args: { min: 1, max: 1 },
    async run(session, input) {
      const name = input.args[0]!;
      await mayChangePasswordOf(session, name);
      const password = await newPassword(name);
      const signedIn = await session.signedIn();
      const own = signedIn.name !== undefined && signedIn.name.toLowerCase() === name.toLowerCase();
      const user = await session.call('users.setPassword', { name, password, currentPassword: own ? signedIn.password : undefined });
      return { json: userJson(user), human: `The password of ${user.name} is set.` };
    },
  },
  {
    name: 'users list',
    usage: '',
    summary: 'The profiles of this library with their roles.',
    details: [`JSON: [${userShape}]`],
    args: { min: 0, max: 0 },
    async run(session) {
      const users = (await session.call('users.list', {})).map(userJson);
      const human =
        table(
          ['NAME', 'ROLES', 'SCHOOLS', 'PASSWORD', 'CREATED'],
          users.map((u) => [u.name, u.roles.join(', '), u.schools.join(', '), u.has_password ? 'yes' : 'no', u.created_at.slice(0, 10)]),
        ) + `\n${count(users.length, 'profile')}.`;
      return { json: users, human };
    },
  },
  {
    name: 'users roles',
    usage: '<name>',
    summary: "Replace a profile's roles (and the schools of its management role).",
    details: ['The library always keeps an admin: the last admin keeps that role.', `JSON: ${userShape}`],
    options: {
      role: { type: 'string', multiple: true, value: roles.join('|'), description: 'A role of the profile (repeat for several).' },
      school: { type: 'string', multiple: true, value: 'KEY', description: 'A school the management role covers (repeat for several).' },
    },
    args: { min: 1, max: 1 },
    async run(session, input) {
      const name = input.args[0]!;
      const chosen = list(input, 'role').map((r) => oneOf(r, roles, '--role')!);
      if (chosen.length === 0) throw usageError(`Give ${name} a role with --role ${roles.join('|')}.`);
      const user = await session.call('users.setRoles', { name, roles: chosen, schools: list(input, 'school') });
      const schools = user.schools.length ? ` for ${user.schools.join(', ')}` : '';
      return { json: userJson(user), human: `${user.name} now has the roles ${user.roles.join(', ')}${schools}.` };
    },
  },
  {
    name: 'users remove',
    usage: '<name>',
    summary: 'Remove a profile (not your own, not the last admin); the audit log keeps its name.',
    details: ['JSON: {removed}'],
    args: { min: 1, max: 1 },
    async run(session, input) {
      const { name } = await session.call('users.remove', { name: input.args[0]! });
      return { json: { removed: name }, human: `Removed the profile ${name}.` };
    },
  },
  {
    name: 'users lock-after',
    usage: '<minutes>',
    summary: 'Lock the desktop and browser app after this many minutes without use.',
    details: [`Between ${lockMinutesRange.min} and ${lockMinutesRange.max}; the default is ${lockMinutesRange.default}.`, 'JSON: {lock_minutes}'],
    args: { min: 1, max: 1 },
    async run(session, input) {
      const raw = input.args[0]!;
      const minutes = Number(raw);
      if (!/^\d+$/.test(raw) || minutes < lockMinutesRange.min || minutes > lockMinutesRange.max) {
        throw usageError(`"${raw}" is not a number of minutes between ${lockMinutesRange.min} and ${lockMinutesRange.max}.`);
      }
      const status = await session.call('users.setLockMinutes', { minutes });
      return { json: { lock_minutes: status.lockMinutes }, human: `ClearFrame now locks after ${status.lockMinutes} minutes without use.` };
    },
  },
];
