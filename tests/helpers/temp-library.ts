import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLibrary, type Library } from '../../electron/core/library';

/** A real library in a fresh temporary folder; `cleanup` closes it and removes the folder. */
export function tempLibrary(): { lib: Library; home: string; cleanup: () => void } {
  const home = mkdtempSync(join(tmpdir(), 'clearframe-test-'));
  const lib = openLibrary(home);
  return {
    lib,
    home,
    cleanup: () => {
      lib.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}
