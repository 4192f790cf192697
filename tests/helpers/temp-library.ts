import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLibrary, type Library } from '../../electron/core/library';

export interface TempLibrary {
  lib: Library;
  home: string;
  /** A folder beside the library for files a test makes (imports, exports). */
  scratch: string;
  cleanup: () => void;
}

/** A real library in a fresh temporary folder; `cleanup` closes it and removes the folder. */
export function tempLibrary(prefix = 'clearframe-test-'): TempLibrary {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const home = join(root, 'library');
  const scratch = join(root, 'scratch');
  mkdirSync(scratch);
  const lib = openLibrary(home);
  return {
    lib,
    home,
    scratch,
    cleanup: () => {
      lib.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
