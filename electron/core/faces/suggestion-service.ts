import type { FaceInfo, FaceSuggestionReport } from '../../../shared/contract/faces';
import { ClearFrameError } from '../../../shared/result';
import type { RequestContext } from '../api/context';
import type { Library } from '../library';
import { contentPath } from '../library-paths';
import { assignWithinPhoto, bestMatch, type Match } from './descriptor-match';
import { detectorPool, type DetectorPool } from './detector-pool';
import { readFaceSettings } from './face-settings';
import { embeddingVersion } from './model-version';

const pageSize = 5000;

function openFaces(lib: Library, mediaId: number | undefined): FaceInfo[] {
  const all: FaceInfo[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const page = lib.repos.faces.list({ mediaId, states: ['unreviewed', 'suggested'] }, pageSize, offset);
    all.push(...page);
    if (page.length < pageSize) return all;
  }
}

/**
 * Compares the open faces of one media item (or all) with the reference faces of the people whose
 * face matching is allowed, and marks the closest person within the threshold as a suggestion with
 * its distance. Suggestions only: a reviewer confirms. The descriptors of the compared faces are
 * computed in the detector threads and never stored.
 */
export function startFaceSuggestions(lib: Library, ctx: RequestContext, mediaId: number | undefined, pool: DetectorPool = detectorPool()) {
  const job = lib.jobs.start('faces', 'Face suggestions', async (jobCtx): Promise<FaceSuggestionReport> => {
    const references = lib.repos.faceMatching.embeddings(embeddingVersion);
    const report: FaceSuggestionReport = { compared: 0, suggested: 0, noReferences: references.length === 0, failed: [] };
    if (references.length === 0) return report;
    const threshold = readFaceSettings(lib).matchThreshold;
    const byMedia = new Map<number, FaceInfo[]>();
    for (const f of openFaces(lib, mediaId)) byMedia.set(f.mediaId, [...(byMedia.get(f.mediaId) ?? []), f]);
    let done = 0;
    for (const [id, faces] of byMedia) {
      if (jobCtx.signal.aborted) break;
      const media = lib.repos.media.get(id)!;
      const path = contentPath(lib.paths.store, media.sha256, `.${media.ext}`);
      try {
        let matches: (Match | null)[];
        if (media.kind === 'photo') {
          const descriptors = await pool.run({ kind: 'describe-photo', path, ext: media.ext, boxes: faces.map((f) => f.box) }, jobCtx.signal);
          matches = assignWithinPhoto(descriptors, references, threshold);
        } else {
          matches = [];
          for (const f of faces) {
            const [d] = await pool.run(
              { kind: 'describe-frame', path, width: media.width ?? 0, height: media.height ?? 0, time: f.time ?? 0, boxes: [f.box] },
              jobCtx.signal,
            );
            matches.push(d ? bestMatch(d, references, threshold) : null);
          }
        }
        report.compared += faces.length;
        report.suggested += saveSuggestions(lib, ctx, id, faces, matches);
      } catch (err) {
        if (jobCtx.signal.aborted) break;
        report.failed.push({ mediaId: id, error: err instanceof ClearFrameError ? err.message : `Comparing faces failed (${(err as Error).message}).` });
      }
      jobCtx.progress(++done, byMedia.size, media.name);
    }
    lib.events.emit('library.changed', { what: 'faces' });
    return report;
  });
  return { jobId: job.id, done: job.done };
}

function saveSuggestions(lib: Library, ctx: RequestContext, mediaId: number, faces: FaceInfo[], matches: (Match | null)[]): number {
  return lib.transaction(() => {
    const changes: { face: number; person: number | null; distance: number | null }[] = [];
    faces.forEach((face, i) => {
      const m = matches[i] ?? null;
      const distance = m === null ? null : Math.round(m.distance * 1000) / 1000;
      if ((m?.personId ?? null) === face.suggestedPersonId && distance === face.suggestionDistance) return;
      // A face reviewed meanwhile is left alone (suggest() only touches open faces).
      if (lib.repos.faces.suggest(face.id, m?.personId ?? null, distance)) changes.push({ face: face.id, person: m?.personId ?? null, distance });
    });
    if (changes.length > 0) lib.repos.audit.append(ctx.actor, 'faces.suggested', `media:${mediaId}`, { changes });
    return matches.filter((m) => m !== null).length;
  });
}
