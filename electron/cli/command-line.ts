import { parseArgs } from 'node:util';
import { usageError } from './cli-error';
import type { CliCommand, CommandInput } from './command';
import { cliCommands } from './commands';
import { globalOptions } from './help';

type Route =
  | { kind: 'command'; command: CliCommand; rest: string[] }
  | { kind: 'group'; group: string; sub: string | undefined; rest: string[] }
  | { kind: 'none'; rest: string[] };

const booleanGlobals = new Set(['--json', '--progress', '--help', '-h', '--version']);

/** Global options may come before the command words; the words then pick the longest matching command. */
export function route(argv: string[]): Route {
  let i = 0;
  while (i < argv.length) {
    const token = argv[i]!;
    if (token === '--home' || token === '--user') i += 2;
    else if (token.startsWith('--home=') || token.startsWith('--user=') || booleanGlobals.has(token)) i += 1;
    else break;
  }
  const [first, second] = [argv[i], argv[i + 1]];
  if (first === undefined || first.startsWith('-')) return { kind: 'none', rest: argv };
  const without = (n: number) => [...argv.slice(0, i), ...argv.slice(i + n)];
  const pair = cliCommands.find((c) => c.name === `${first} ${second}`);
  if (pair) return { kind: 'command', command: pair, rest: without(2) };
  const single = cliCommands.find((c) => c.name === first);
  if (single) return { kind: 'command', command: single, rest: without(1) };
  if (cliCommands.some((c) => c.name.startsWith(`${first} `))) {
    const sub = second?.startsWith('-') ? undefined : second;
    return { kind: 'group', group: first, sub, rest: without(sub === undefined ? 1 : 2) };
  }
  throw usageError(`Unknown command "${first}"; "clearframe --help" lists the commands.`);
}

export function parse(args: string[], options: CliCommand['options'], commandName: string | null): CommandInput {
  const config = Object.fromEntries(
    Object.entries({ ...globalOptions, ...options }).map(([name, o]) => [
      name,
      { type: o.type, multiple: o.multiple === true, ...('short' in o && o.short ? { short: o.short } : {}) },
    ]),
  );
  try {
    const { values, positionals } = parseArgs({ args, options: config, allowPositionals: true, strict: true });
    return { args: positionals, options: values as CommandInput['options'] };
  } catch (err) {
    if (!String((err as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS')) throw err;
    const message = (err as Error).message;
    const helpHint = `"clearframe ${commandName ? `${commandName} ` : ''}--help" lists the options`;
    const unknown = /^Unknown option '([^']+)'/.exec(message);
    if (unknown) throw usageError(`Unknown option "${unknown[1]}"; ${helpHint}.`);
    const option = /^Option '(-[^' ]+)/.exec(message)?.[1];
    if (option && /does not take an argument/.test(message)) throw usageError(`${option} does not take a value; ${helpHint}.`);
    if (option) throw usageError(`${option} needs a value; ${helpHint}.`);
    throw usageError(`${message.split('\n')[0]}`);
  }
}
