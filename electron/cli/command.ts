import type { Session } from './session';

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** May be given more than once, e.g. `--map a=b --map c=d`. */
  multiple?: boolean;
  /** The placeholder shown in help, e.g. YYYY-MM-DD. */
  value?: string;
  description: string;
}

export interface CommandInput {
  args: string[];
  options: Record<string, string | boolean | string[] | undefined>;
}

/** What a command did: printed as JSON with --json, as text otherwise. */
export interface CommandOutcome {
  json: unknown;
  human: string;
  /** A sentence for stderr when the command ran but could not do its work; the exit code is then non-zero. */
  failure?: string;
  exitCode?: number;
}

/**
 * One command of the public command line. Later features add a file with their commands and list it
 * in commands.ts; names, flags and JSON shapes are a public interface and do not change once released.
 */
export interface CliCommand {
  /** The words that select it, e.g. "consent set". */
  name: string;
  /** The positional part of the usage line, e.g. "<person> <channel> granted|refused|withdrawn". */
  usage: string;
  summary: string;
  /** Extra lines for `--help`: what the JSON looks like, defaults. */
  details?: string[];
  options?: Record<string, OptionSpec>;
  args: { min: number; max?: number };
  run(session: Session, input: CommandInput): Promise<CommandOutcome>;
}
