import { existsSync } from 'node:fs';
import { link, rename, rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { ClearFrameError } from '../../../shared/result';

/**
 * File names carry who published, where and when, and a number: never a person's name or the
 * original's name (which often holds one). E.g. `school-1-website-2026-03-01-3.jpg`.
 */
export function fileStem(identity: string, channel: string, date: string): string {
  return `${identity}-${channel}-${date}`;
}

/** A file being written is hidden and marked, so a crash never leaves something that looks finished. */
export const partialName = (finalName: string) => `.${finalName}.partial`;

/** The next free names `<stem>-<n>.<ext>` in the folder, one per extension given, numbered from 1. */
export function chooseNames(dir: string, stem: string, exts: readonly string[]): string[] {
  const names: string[] = [];
  let n = 1;
  for (const ext of exts) {
    let name: string;
    do name = `${stem}-${n++}.${ext}`;
    while (existsSync(join(dir, name)) || existsSync(join(dir, partialName(name))));
    names.push(name);
  }
  return names;
}

/**
 * Gives a complete file its final name without ever replacing a file of that name: a hard link fails
 * if the name is taken (a rename would silently overwrite). Folders that cannot hold hard links (some
 * USB sticks and network shares) fall back to a checked rename.
 */
export async function finishFile(partial: string, final: string): Promise<void> {
  try {
    await link(partial, final);
    await unlink(partial);
    return;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new ClearFrameError('conflict', `${final} appeared while the export was running; it was left as it was.`);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw err;
  }
  if (existsSync(final)) throw new ClearFrameError('conflict', `${final} appeared while the export was running; it was left as it was.`);
  await rename(partial, final);
}

export async function removeQuietly(path: string): Promise<void> {
  await rm(path, { force: true }).catch(() => undefined);
}
