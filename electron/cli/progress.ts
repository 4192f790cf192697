/** A terminal redraws one line; a log file or pipe gets a line at most this often, so it stays readable. */
const pipeIntervalMs = 500;

export interface ProgressLine {
  update(text: string): void;
  /** A message that must not be overwritten by the next update. */
  note(text: string): void;
  end(): void;
}

/**
 * Progress on stderr, never stdout (which carries the result). Shown when stderr is a terminal, or
 * always when asked for with --progress.
 */
export function progressLine(force: boolean, stream: NodeJS.WriteStream = process.stderr): ProgressLine {
  const tty = stream.isTTY === true;
  const enabled = tty || force;
  let drawn = false;
  let lastLine = 0;
  let pending: string | null = null;
  const clear = () => {
    if (drawn) stream.write('\r\x1b[K');
    drawn = false;
  };
  return {
    update(text) {
      if (!enabled) return;
      if (tty) {
        clear();
        stream.write(text.slice(0, (stream.columns || 80) - 1));
        drawn = true;
        return;
      }
      const now = Date.now();
      if (now - lastLine < pipeIntervalMs) {
        pending = text;
        return;
      }
      lastLine = now;
      pending = null;
      stream.write(`${text}\n`);
    },
    note(text) {
      clear();
      stream.write(`${text}\n`);
    },
    end() {
      if (pending !== null) stream.write(`${pending}\n`);
      pending = null;
      clear();
    },
  };
}
