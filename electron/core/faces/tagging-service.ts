import type { FaceAssignment, FaceInfo, MediaFaceSummary, MediaFaces, PersonAppearance, ReviewGroup, TrackPoint } from '../../../shared/contract/faces';
import { ClearFrameError } from '../../../shared/result';
import type { FaceBox, FaceState } from '../../../shared/types';
import type { RequestContext } from '../api/context';
import type { FaceFilter, FaceReview } from '../db/repositories/face-repository';
import type { Library } from '../library';
import { resolveMedia } from '../media/media-service';
import { resolvePerson } from '../services/people-service';
import { detectionSettingsKey, readFaceSettings } from './face-settings';
import { detectorVersion } from './model-version';

function getFace(lib: Library, id: number): FaceInfo {
  const face = lib.repos.faces.get(id);
  if (!face) throw new ClearFrameError('not_found', `There is no face ${id}.`);
  return face;
}

/** A media item is resolved when it was scanned and every face on it has a decision. */
export function mediaFaceSummary(lib: Library, mediaId: number): MediaFaceSummary {
  const detection = lib.repos.faces.detection(mediaId);
  const counts = lib.repos.faces.counts(mediaId);
  const scanned = detection !== undefined && detection.error === null;
  const state = !scanned ? 'not_detected' : counts.unresolved > 0 ? 'unresolved' : 'resolved';
  return { state, total: counts.total, unresolved: counts.unresolved };
}

export function mediaFaces(lib: Library, ref: string): MediaFaces {
  const media = resolveMedia(lib, ref);
  const d = lib.repos.faces.detection(media.id);
  const currentKey = detectionSettingsKey(readFaceSettings(lib));
  return {
    mediaId: media.id,
    summary: mediaFaceSummary(lib, media.id),
    detection: d
      ? { modelVersion: d.modelVersion, detectedAt: d.detectedAt, facesFound: d.facesFound, error: d.error, current: d.error === null && d.modelVersion === detectorVersion && d.settingsKey === currentKey }
      : null,
    faces: lib.repos.faces.ofMedia(media.id),
  };
}

export interface FaceListQuery {
  media?: string;
  states?: FaceState[];
  person?: string;
  suggestedPerson?: string;
  unsuggested?: boolean;
  offset: number;
  limit: number;
}

export function listFaces(lib: Library, q: FaceListQuery): FaceInfo[] {
  const filter: FaceFilter = {};
  if (q.media !== undefined) filter.mediaId = resolveMedia(lib, q.media).id;
  if (q.person !== undefined) filter.personId = resolvePerson(lib, q.person).id;
  if (q.suggestedPerson !== undefined) filter.suggestedPersonId = resolvePerson(lib, q.suggestedPerson).id;
  else if (q.unsuggested) filter.suggestedPersonId = null;
  if (q.states) filter.states = q.states;
  else if (q.suggestedPerson !== undefined || q.unsuggested) filter.states = ['unreviewed', 'suggested'];
  return lib.repos.faces.list(filter, q.limit, q.offset);
}

export function faceTrack(lib: Library, faceId: number): TrackPoint[] {
  const face = getFace(lib, faceId);
  if (face.trackId === null) return face.time === null ? [] : [{ time: face.time, box: face.box, score: face.score }];
  return lib.repos.faces.trackBoxes(face.trackId);
}

const reviewOf = (face: FaceInfo): { state: FaceState; person: number | null } => ({ state: face.state, person: face.personId });

function reviewFor(to: FaceAssignment, personId: number | null): FaceReview {
  const base = { suggestedPersonId: null, suggestionDistance: null };
  switch (to.verdict) {
    case 'person':
      return { ...base, state: 'person', personId };
    case 'not_identifiable':
    case 'not_a_face':
      return { ...base, state: to.verdict, personId: null };
    case 'unreviewed':
      return { ...base, state: 'unreviewed', personId: null };
  }
}

/**
 * Records a reviewer's decision on one or many faces (confirming a whole group of suggestions is
 * one action). Each face's change is written with an audit entry holding before and after, all in
 * one transaction.
 */
export function assignFaces(lib: Library, ctx: RequestContext, faceIds: readonly number[], to: FaceAssignment): FaceInfo[] {
  const person = to.verdict === 'person' ? resolvePerson(lib, to.person) : null;
  const faces = [...new Set(faceIds)].map((id) => getFace(lib, id));
  const review = reviewFor(to, person?.id ?? null);
  const updated = lib.transaction(() =>
    faces.map((face) => {
      const before = reviewOf(face);
      if (before.state === review.state && before.person === review.personId) return face;
      lib.repos.faces.review(face.id, review, ctx.actor);
      lib.repos.audit.append(ctx.actor, 'face.assigned', `face:${face.id}`, {
        media: face.mediaId,
        before,
        after: { state: review.state, person: review.personId },
      });
      return lib.repos.faces.get(face.id)!;
    }),
  );
  lib.events.emit('library.changed', { what: 'faces' });
  return updated;
}

/** A face the detector missed, drawn by a reviewer (on a video, at a time), optionally tagged at once. */
export function addManualFace(lib: Library, ctx: RequestContext, mediaRef: string, box: FaceBox, time: number | undefined, personRef: string | undefined): FaceInfo {
  const media = resolveMedia(lib, mediaRef);
  if (media.kind === 'photo' && time !== undefined) throw new ClearFrameError('invalid_input', 'A time only applies to faces in a video; leave it out for a photo.');
  if (media.kind === 'video' && time !== undefined && media.durationS !== null && time > media.durationS + 0.5) {
    throw new ClearFrameError('invalid_input', `The video is only ${media.durationS.toFixed(1)} seconds long; choose a time within it.`);
  }
  const person = personRef === undefined ? null : resolvePerson(lib, personRef);
  const face = lib.transaction(() => {
    const id = lib.repos.faces.insert({ mediaId: media.id, box, score: null, source: 'manual', trackId: null, time: time ?? null, modelVersion: null, importedName: null });
    if (person) lib.repos.faces.review(id, { state: 'person', personId: person.id, suggestedPersonId: null, suggestionDistance: null }, ctx.actor);
    lib.repos.audit.append(ctx.actor, 'face.added', `face:${id}`, {
      media: media.id,
      box,
      time: time ?? null,
      after: { state: person ? 'person' : 'unreviewed', person: person?.id ?? null },
    });
    return lib.repos.faces.get(id)!;
  });
  lib.events.emit('library.changed', { what: 'faces' });
  return face;
}

export function reviewQueue(lib: Library): ReviewGroup[] {
  return lib.repos.faces.openGroups().map((g) => ({
    suggestedPerson: g.suggestedPersonId === null ? null : (lib.repos.people.get(g.suggestedPersonId) ?? null),
    faces: g.faces,
    media: g.media,
  }));
}

export function personAppearances(lib: Library, personRef: string): PersonAppearance[] {
  return lib.repos.faces.appearances(resolvePerson(lib, personRef).id);
}
