import type { CliCommand, OptionSpec } from './command';

export const globalOptions: Record<string, OptionSpec & { short?: string }> = {
  home: { type: 'string', value: 'DIR', description: 'The library folder (default: $CLEARFRAME_HOME, else the desktop app\'s data folder).' },
  user: {
    type: 'string',
    value: 'NAME',
    description: 'Your profile, once the library has passwords (the password comes from CLEARFRAME_PASSWORD or a prompt).',
  },
  json: { type: 'boolean', description: 'Print exactly one JSON document on stdout; messages and progress go to stderr.' },
  progress: { type: 'boolean', description: 'Show progress on stderr even when it is not a terminal.' },
  help: { type: 'boolean', short: 'h', description: 'Show help; `clearframe <command> --help` for one command.' },
  version: { type: 'boolean', description: 'Print the version.' },
};

function optionLines(options: Record<string, OptionSpec & { short?: string }>): string[] {
  const labels = Object.entries(options).map(([name, o]) => {
    const short = o.short ? `-${o.short}, ` : '';
    return [`${short}--${name}${o.value ? ` ${o.value}` : ''}${o.multiple ? ' …' : ''}`, o.description] as const;
  });
  const width = Math.max(...labels.map(([l]) => l.length));
  return labels.map(([l, d]) => `  ${l.padEnd(width)}  ${d}`);
}

/** Longer usage lines put their summary on the next line instead of widening every row. */
const labelWidth = 30;

/** Commands of one group (first word) stay together, groups in the order they first appear. */
function commandLines(commands: CliCommand[]): string[] {
  const groups = [...new Set(commands.map((c) => c.name.split(' ')[0]))];
  const ordered = groups.flatMap((g) => commands.filter((c) => c.name.split(' ')[0] === g));
  return ordered.map((c) => {
    const label = `${c.name}${c.usage ? ` ${c.usage}` : ''}`;
    return label.length > labelWidth ? `  ${label}\n  ${''.padEnd(labelWidth)}  ${c.summary}` : `  ${label.padEnd(labelWidth)}  ${c.summary}`;
  });
}

const footer = [
  'People are named by their id or external id; media by id or sha256; schools by key; channels by key.',
  '',
  'Exit codes:',
  '  0    done (an import that skipped unreadable files lists them and still exits 0)',
  '  1    the command could not do its work (e.g. unknown person, unreadable file, CSV with errors)',
  '       or was refused (a wrong password, or the profile lacks the permission: the sentence names it)',
  '  2    the command was not typed right (unknown command or option, bad date or value)',
  '  130  interrupted with Ctrl+C',
  'A failure is one sentence on stderr. With --json, stdout then holds {"error": {"code", "message"}}.',
];

export function generalHelp(commands: CliCommand[]): string {
  return [
    'Usage: clearframe [--home DIR] <command> [options] [--json]',
    '',
    'The command line of ClearFrame: the same library, services and rules as the desktop app.',
    '',
    'Commands:',
    ...commandLines(commands),
    '',
    'Options for every command:',
    ...optionLines(globalOptions),
    '',
    ...footer,
  ].join('\n');
}

export function groupHelp(group: string, commands: CliCommand[]): string {
  return [`Usage: clearframe [--home DIR] ${group} <command> [options] [--json]`, '', 'Commands:', ...commandLines(commands)].join('\n');
}

export function commandHelp(command: CliCommand): string {
  const lines = [`Usage: clearframe [--home DIR] ${command.name}${command.usage ? ` ${command.usage}` : ''} [options] [--json]`, '', command.summary];
  if (command.details?.length) lines.push('', ...command.details);
  if (command.options && Object.keys(command.options).length) lines.push('', 'Options:', ...optionLines(command.options));
  lines.push('', 'Options for every command:', ...optionLines(globalOptions));
  return lines.join('\n');
}
