import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import type { ExportReport } from '../../../shared/contract/export';
import type { JobContext } from '../jobs/job-runner';
import { hashFile } from '../media/content-store';
import type { MediaDecision } from './check-service';
import { chooseNames, removeQuietly } from './export-files';
import { writeExportFile, type ItemSettings, type Publishable } from './export-item';

/** A media item that may go, with its place in the publication and its file names. */
export interface Exportable extends MediaDecision {
  decision: Publishable;
  index: number;
  finalPath: string;
  partialPath: string;
}

/** A file written under its partial name, complete and hashed. */
export interface Written {
  item: Exportable;
  sha256: string;
  blurred: number;
}

/** Photos in parallel, one per core; a video at a time (ffmpeg already uses every core). */
export async function writeAll(items: Exportable[], settings: ItemSettings, report: ExportReport, job: JobContext): Promise<Written[]> {
  const total = items.length;
  let finished = 0;
  const results = new Map<number, Written>();
  const writeOne = async (item: Exportable) => {
    job.signal.throwIfAborted();
    job.progress(finished, total, item.media.name);
    try {
      const onProgress = (seconds: number, length: number) =>
        job.progress(finished, total, `${item.media.name} (${Math.min(100, Math.round((seconds / length) * 100))} %)`);
      const blurred = await writeExportFile(item.media, item.decision, item.faces, item.index, item.partialPath, { ...settings, onProgress });
      results.set(item.index, { item, sha256: (await hashFile(item.partialPath)).sha256, blurred });
    } catch (err) {
      if (job.signal.aborted) throw err;
      await removeQuietly(item.partialPath);
      report.failed.push({ mediaId: item.media.id, name: item.media.name, error: (err as Error).message });
    }
    job.progress(++finished, total, item.media.name);
  };
  const photos = items.filter((i) => i.media.kind === 'photo');
  await Promise.all(
    Array.from({ length: Math.min(photos.length, Math.max(1, availableParallelism())) }, async () => {
      for (let next = photos.shift(); next; next = photos.shift()) await writeOne(next);
    }),
  );
  for (const video of items.filter((i) => i.media.kind === 'video')) await writeOne(video);
  return items.flatMap((i) => results.get(i.index) ?? []);
}

/**
 * Someone may have put a file with one of the chosen names into the folder while the export ran: such
 * an item moves to the next free name (its DocumentID names the publication, not the file), so no
 * existing file is ever replaced. The other items' partial files keep their names taken.
 */
export function claimFreeNames(dir: string, stem: string, written: Written[]): void {
  for (const w of written) {
    if (!existsSync(w.item.finalPath)) continue;
    const [name] = chooseNames(dir, stem, [extname(w.item.finalPath).slice(1)]);
    w.item.finalPath = join(dir, name!);
  }
}
