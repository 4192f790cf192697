import type { z } from 'zod';
import { auditCommands } from './audit';
import { backupCommands } from './backup';
import { consentCommands } from './consent';
import { csvCommands } from './csv-import';
import { exportCommands } from './export';
import { faceCommands } from './faces';
import { gdprCommands } from './gdpr';
import type { CommandSpec } from './define';
import { jobCommands, type JobEvents } from './jobs';
import { libraryCommands, type LibraryEvents } from './library';
import { mediaCommands } from './media';
import { peopleCommands } from './people';
import { publishingCommands } from './publishing';
import { reportCommands } from './reports';
import { usersCommands } from './users';

/**
 * The one contract between the UI (and the CLI) and the core. The preload, the Electron IPC handlers,
 * the browser-mode HTTP server and the CLI are all derived from this map; nobody spells a command twice.
 */
export const commands = {
  ...libraryCommands,
  ...jobCommands,
  ...peopleCommands,
  ...consentCommands,
  ...csvCommands,
  ...mediaCommands,
  ...auditCommands,
  ...backupCommands,
  ...usersCommands,
  ...exportCommands,
  ...faceCommands,
  ...publishingCommands,
  ...gdprCommands,
  ...reportCommands,
};

export type Commands = typeof commands;
export type CommandName = keyof Commands;
/** What a caller sends (before defaults are applied). */
export type CommandInput<K extends CommandName> = z.input<Commands[K]['input']>;
/** What a handler receives, parsed and validated. */
export type CommandArgs<K extends CommandName> = z.output<Commands[K]['input']>;
export type CommandResult<K extends CommandName> = Commands[K] extends CommandSpec<z.ZodType, infer O> ? O : never;

export type Events = LibraryEvents & JobEvents;
export type EventName = keyof Events;
export type EventPayload<K extends EventName> = Events[K];

export const commandNames = Object.keys(commands) as CommandName[];

export function isCommandName(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(commands, name);
}
