import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ClearFrameError, toAppError } from '../../shared/result';
import { defaultLibraryHome } from '../core/library-paths';
import { CliError, exitCodes, fromAppError, usageError } from './cli-error';
import { parse, route } from './command-line';
import { cliCommands } from './commands';
import { commandHelp, generalHelp, groupHelp } from './help';
import { endQuietlyOnClosedPipe, printError, printOutcome, writeStdout } from './output';
import { Session } from './session';

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function toCliError(err: unknown): CliError {
  if (err instanceof CliError) return err;
  if (err instanceof ClearFrameError) return fromAppError(toAppError(err));
  return new CliError('internal', toAppError(err).message, exitCodes.failure);
}

/** Runs one command line and returns the exit code. Output and errors follow `clearframe --help`. */
export async function main(argv: string[]): Promise<number> {
  endQuietlyOnClosedPipe();
  const end = argv.indexOf('--');
  const json = (end < 0 ? argv : argv.slice(0, end)).includes('--json');
  let session: Session | null = null;
  try {
    const r = route(argv);
    if (r.kind === 'none') {
      const input = parse(r.rest, {}, null);
      if (input.options.version) {
        await writeStdout(json ? `${JSON.stringify({ version: version() })}\n` : `${version()}\n`);
        return exitCodes.ok;
      }
      if (input.options.help) {
        await writeStdout(`${generalHelp(cliCommands)}\n`);
        return exitCodes.ok;
      }
      throw usageError('Name a command, e.g. "clearframe status"; "clearframe --help" lists them.');
    }
    if (r.kind === 'group') {
      const members = cliCommands.filter((c) => c.name.startsWith(`${r.group} `));
      const input = parse(r.rest, {}, null);
      if (input.options.help && r.sub === undefined) {
        await writeStdout(`${groupHelp(r.group, members)}\n`);
        return exitCodes.ok;
      }
      const names = members.map((c) => c.name.slice(r.group.length + 1)).join(', ');
      throw usageError(
        r.sub === undefined
          ? `Name a ${r.group} command: ${names}.`
          : `Unknown command "${r.group} ${r.sub}"; the ${r.group} commands are: ${names}.`,
      );
    }

    const { command } = r;
    const input = parse(r.rest, command.options, command.name);
    if (input.options.help) {
      await writeStdout(`${commandHelp(command)}\n`);
      return exitCodes.ok;
    }
    const { min, max } = command.args;
    if (input.args.length < min || (max !== undefined && input.args.length > max)) {
      throw usageError(
        `"${command.name}" takes ${command.usage || 'no arguments'}, not ${input.args.length ? `"${input.args.join(' ')}"` : 'nothing'}; see "clearframe ${command.name} --help".`,
      );
    }
    const home = typeof input.options.home === 'string' ? input.options.home : defaultLibraryHome();
    if (home.trim() === '') throw usageError('--home needs a folder.');
    const user = typeof input.options.user === 'string' ? input.options.user : undefined;
    session = new Session({ home: resolve(home), user, progress: input.options.progress === true });
    const outcome = await command.run(session, input);
    await printOutcome(outcome, json);
    return outcome.exitCode ?? (outcome.failure ? exitCodes.failure : exitCodes.ok);
  } catch (err) {
    const cliErr = toCliError(err);
    await printError(cliErr, json);
    return cliErr.exitCode;
  } finally {
    session?.close();
  }
}
