import { closeSync, fsyncSync, openSync } from 'node:fs';

/**
 * Flushes a folder's entries, so a rename into it survives a power cut. Windows cannot open a folder
 * this way and makes renames durable itself, so a refusal there is not an error.
 */
export function syncFolder(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch {
    // See above: best effort where the platform does not allow it.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
