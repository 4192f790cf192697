import type { Media } from '../../../shared/types';
import type { RequestContext } from '../api/context';
import type { Library } from '../library';
import { clampUnit, iou } from './box-geometry';
import { importedFaces, matchImported, sameFaceIou } from './imported-regions';
import type { ScanResult } from './media-scan';
import { detectorVersion } from './model-version';

/**
 * Replaces a media item's open detected faces with a new scan's, in one transaction with its
 * detection record and audit entry. Faces a reviewer decided on and boxes a person drew stay; a new
 * detection overlapping one of them is the same face and is not added again.
 */
export function saveDetections(lib: Library, ctx: RequestContext, media: Media, scan: ScanResult, settingsKey: string): number {
  return lib.transaction(() => {
    const removed = lib.repos.faces.removeOpenFaces(media.id);
    const kept = lib.repos.faces.ofMedia(media.id);
    const overlapsKept = (box: { x: number; y: number; w: number; h: number }, time: number | null) =>
      kept.some((k) => iou(k.box, box) >= sameFaceIou && (time === null || k.time === null || Math.abs(k.time - time) < 1));
    let added = 0;
    if (scan.kind === 'photo') {
      const fresh = scan.faces.filter((f) => !overlapsKept(f, null));
      const imported = importedFaces(lib.repos.media.embedded(media.id), media.orientation);
      const { merged, alone } = matchImported(fresh, imported);
      fresh.forEach((f, i) => {
        lib.repos.faces.insert({
          mediaId: media.id,
          box: clampUnit(f),
          score: f.score,
          source: 'detected',
          trackId: null,
          time: null,
          modelVersion: detectorVersion,
          importedName: merged.get(i)?.name ?? null,
        });
        added++;
      });
      for (const region of alone.filter((r) => !overlapsKept(r.box, null))) {
        lib.repos.faces.insert({ mediaId: media.id, box: region.box, score: null, source: 'imported', trackId: null, time: null, modelVersion: null, importedName: region.name });
        added++;
      }
    } else {
      for (const track of scan.tracks) {
        const best = track.reduce((a, b) => (b.box.score > a.box.score ? b : a));
        if (track.every((s) => overlapsKept(s.box, s.time))) continue;
        const trackId = lib.repos.faces.insertTrack(
          media.id,
          track.map((s) => ({ time: s.time, box: clampUnit(s.box), score: s.box.score })),
        );
        lib.repos.faces.insert({
          mediaId: media.id,
          box: clampUnit(best.box),
          score: best.box.score,
          source: 'detected',
          trackId,
          time: best.time,
          modelVersion: detectorVersion,
          importedName: null,
        });
        added++;
      }
    }
    lib.repos.faces.saveDetection({ mediaId: media.id, modelVersion: detectorVersion, settingsKey, detectedAt: new Date().toISOString(), facesFound: added, error: null });
    lib.repos.audit.append(ctx.actor, 'faces.detected', `media:${media.id}`, { found: added, replaced: removed, model: detectorVersion });
    return added;
  });
}

/** A scan that failed is recorded, so the media item counts as not detected and the next run retries it. */
export function saveDetectionFailure(lib: Library, ctx: RequestContext, media: Media, settingsKey: string, error: string): void {
  lib.transaction(() => {
    lib.repos.faces.saveDetection({ mediaId: media.id, modelVersion: detectorVersion, settingsKey, detectedAt: new Date().toISOString(), facesFound: 0, error });
    lib.repos.audit.append(ctx.actor, 'faces.detection_failed', `media:${media.id}`, { error });
  });
}
