import { readdir, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import type { DirectoryListing } from '../../../shared/contract/media';
import { ClearFrameError } from '../../../shared/result';
import { importableExtensions } from './detect-type';

function fsError(err: unknown, path: string): ClearFrameError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new ClearFrameError('not_found', `The folder "${path}" does not exist.`);
  if (code === 'ENOTDIR') return new ClearFrameError('not_found', `"${path}" is a file, not a folder.`);
  return new ClearFrameError('io_error', `The folder "${path}" could not be read (${code ?? 'error'}); check that ClearFrame may open it.`);
}

/**
 * Lists one folder for the in-app folder picker: its subfolders and the files an import would likely
 * take (by extension here; the import itself reads each file's bytes). Hidden entries are left out.
 */
export async function browseFolder(requested?: string): Promise<DirectoryListing> {
  const path = resolve(requested?.trim() ? requested : homedir());
  let names: string[];
  try {
    names = await readdir(path);
  } catch (err) {
    throw fsError(err, path);
  }
  const entries: DirectoryListing['entries'] = [];
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const full = join(path, name);
    // stat follows symlinks, so a linked photo folder lists as a folder; unreadable entries are skipped.
    const info = await stat(full).catch(() => undefined);
    if (info?.isDirectory()) entries.push({ name, path: full, kind: 'dir' });
    else if (info?.isFile() && importableExtensions.has(extname(name).slice(1).toLowerCase())) entries.push({ name, path: full, kind: 'file' });
  }
  entries.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'dir' ? -1 : 1));
  const parent = dirname(path);
  return { path, parent: parent === path ? null : parent, entries };
}
