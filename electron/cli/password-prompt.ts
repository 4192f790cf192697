import { CliError, exitCodes } from './cli-error';

/**
 * Asks for a password on the terminal without showing it. Only a terminal can be asked: a script that pipes
 * input gets a sentence instead, so a password never sits in a pipe or a log by accident.
 */
export function promptPassword(question: string, missing: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) return Promise.reject(new CliError('unauthorized', missing, exitCodes.failure));
  process.stderr.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (end: () => void) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      end();
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return finish(() => resolve(value));
        if (ch === '\u0003') return finish(() => reject(new CliError('cancelled', 'Cancelled.', exitCodes.interrupted)));
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/** A new password, typed twice so a typo does not lock anyone out. */
export async function promptNewPassword(name: string, missing: string): Promise<string> {
  const first = await promptPassword(`New password for ${name}: `, missing);
  if (first === '') return first;
  const again = await promptPassword('Type it again: ', missing);
  if (again !== first) throw new CliError('invalid_input', 'The two passwords are not the same; nothing was changed.', exitCodes.failure);
  return first;
}
