import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { ImportFailureReason } from '../../../shared/domain/import-failure-reasons';

export interface WalkEntry {
  path: string;
  /** Set when a folder could not be listed: it becomes one failed row instead of silently missing files. */
  error?: string;
  reason?: ImportFailureReason;
}

/** Files an operating system leaves in photo folders; they are nobody's media and would only add error rows. */
const systemFiles = new Set(['thumbs.db', 'desktop.ini', 'icon\r']);

function skipped(name: string): boolean {
  return name.startsWith('.') || systemFiles.has(name.toLowerCase());
}

/**
 * Every file under the given roots, depth first, in name order so re-runs see the same sequence.
 * Hidden files and folders are skipped unless named as a root. Symbolic links are followed (a user
 * may link an external photo folder in), and each folder is visited once by its real path, which
 * also breaks symlink loops.
 */
export async function walkFiles(roots: string[], signal?: AbortSignal): Promise<WalkEntry[]> {
  const out: WalkEntry[] = [];
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();

  const visit = async (path: string, isRoot: boolean): Promise<void> => {
    if (signal?.aborted) return;
    if (!isRoot && skipped(basename(path))) return;
    let info;
    try {
      info = await stat(path);
    } catch {
      // A dangling symlink or a file removed while walking: nothing to import.
      return;
    }
    if (info.isFile()) {
      if (!seenFiles.has(path)) {
        seenFiles.add(path);
        out.push({ path });
      }
      return;
    }
    if (!info.isDirectory()) return;
    const real = await realpath(path).catch(() => path);
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    let names: string[];
    try {
      names = (await readdir(path)).sort();
    } catch (err) {
      const errno = (err as NodeJS.ErrnoException).code ?? 'error';
      out.push({
        path,
        error: `The folder could not be read (${errno}); check that ClearFrame may open it.`,
        reason: { code: 'folder_unreadable', params: { errno } },
      });
      return;
    }
    for (const name of names) await visit(join(path, name), false);
  };

  for (const root of roots) await visit(root, true);
  return out;
}
