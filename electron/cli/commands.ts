import { auditCommands } from './audit-commands';
import type { CliCommand } from './command';
import { consentCommands } from './consent-commands';
import { csvCommands } from './csv-commands';
import { exportCommands } from './export-commands';
import { facesCommands } from './faces-commands';
import { gdprCommands } from './gdpr-commands';
import { importCommands } from './import-command';
import { libraryCommands } from './library-commands';
import { mediaCommands } from './media-commands';
import { peopleCommands } from './people-commands';
import { publishingCommands } from './publishing-commands';
import { statusCommands } from './status-command';
import { usersCommands } from './users-commands';

/** Every command of the CLI, in the order `--help` lists them. A new feature adds its file here. */
export const cliCommands: CliCommand[] = [
  ...statusCommands,
  ...importCommands,
  ...mediaCommands,
  ...peopleCommands,
  ...csvCommands,
  ...consentCommands,
  ...auditCommands,
  ...libraryCommands,
  ...usersCommands,
  ...facesCommands,
  ...exportCommands,
  ...gdprCommands,
  ...publishingCommands,
];
