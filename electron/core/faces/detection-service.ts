import type { FaceDetectionReport } from '../../../shared/contract/faces';
import { ClearFrameError } from '../../../shared/result';
import type { RequestContext } from '../api/context';
import type { Library } from '../library';
import { contentPath } from '../library-paths';
import type { DetectorPool } from './detector-pool';
import { detectorPool } from './detector-pool';
import { detectionSettingsKey, readFaceSettings } from './face-settings';
import { scanMedia } from './media-scan';
import { detectorVersion } from './model-version';
import { saveDetectionFailure, saveDetections } from './save-detections';

export type DetectionSelection = { all: true; force: boolean } | { all: false; mediaIds: number[]; force: boolean };

/** Tell views to refetch at most this often while a job runs. */
const changedEveryMs = 2000;

/**
 * Detects faces in a selection of media (or all) as a job with progress and cancel. Media already
 * scanned with the current model and settings are skipped unless `force`; a failure is recorded for
 * that one item and the rest goes on. Photos keep every detector thread busy; a video spreads over
 * them itself.
 */
export function startFaceDetection(
  lib: Library,
  ctx: RequestContext,
  selection: DetectionSelection,
  pool: DetectorPool = detectorPool(),
): { jobId: number; done: Promise<FaceDetectionReport> } {
  const job = lib.jobs.start('faces', 'Face detection', async (jobCtx) => {
    const settings = readFaceSettings(lib);
    const settingsKey = detectionSettingsKey(settings);
    const stale = new Set(lib.repos.faces.mediaNeedingDetection(detectorVersion, settingsKey));
    const requested = selection.all ? lib.repos.faces.allMediaIds() : selection.mediaIds;
    const todo = selection.force ? requested : requested.filter((id) => stale.has(id));
    const report: FaceDetectionReport = { detected: 0, skipped: requested.length - todo.length, faces: 0, failed: [], cancelled: false };
    let finished = 0;
    let lastChanged = 0;
    jobCtx.progress(0, todo.length);

    const detectOne = async (mediaId: number) => {
      const media = lib.repos.media.get(mediaId);
      if (!media) return;
      const path = contentPath(lib.paths.store, media.sha256, `.${media.ext}`);
      try {
        const scan = await scanMedia(pool, media, path, settings, jobCtx.signal);
        report.faces += saveDetections(lib, ctx, media, scan, settingsKey);
        report.detected++;
      } catch (err) {
        if (jobCtx.signal.aborted) return;
        const error = failureSentence(err);
        saveDetectionFailure(lib, ctx, media, settingsKey, error);
        report.failed.push({ mediaId: media.id, name: media.name, error });
      }
      finished++;
      jobCtx.progress(finished, todo.length, media.name);
      if (Date.now() - lastChanged > changedEveryMs) {
        lastChanged = Date.now();
        lib.events.emit('library.changed', { what: 'faces' });
      }
    };

    // Two items per thread in flight: the next one decodes while the current one is detected.
    let next = 0;
    const lanes = Array.from({ length: Math.max(1, pool.size * 2) }, async () => {
      while (next < todo.length && !jobCtx.signal.aborted) await detectOne(todo[next++]!);
    });
    await Promise.all(lanes);
    report.cancelled = jobCtx.signal.aborted;
    lib.events.emit('library.changed', { what: 'faces' });
    return report;
  });
  return { jobId: job.id, done: job.done };
}

function failureSentence(err: unknown): string {
  if (err instanceof ClearFrameError) return err.message;
  return `Face detection failed (${err instanceof Error ? err.message : String(err)}); run it again, and report the file if it keeps failing.`;
}
