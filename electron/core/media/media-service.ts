import type { MediaDetail } from '../../../shared/contract/media';
import { ClearFrameError } from '../../../shared/result';
import type { License, Media } from '../../../shared/types';
import type { RequestContext } from '../api/context';
import type { MediaEdits } from '../db/repositories/media-repository';
import type { Library } from '../library';

export function resolveMedia(lib: Library, ref: string): Media {
  const media = lib.repos.media.resolve(ref.trim());
  if (!media) throw new ClearFrameError('not_found', `No media item with id or sha256 "${ref}". Check the value shown in the library or by "media list".`);
  return media;
}

export function mediaDetail(lib: Library, media: Media): MediaDetail {
  return { ...media, classIds: lib.repos.media.classIds(media.id), embedded: lib.repos.media.embedded(media.id) };
}

/** Fields left out (undefined) stay as they are; null clears a field. */
export interface MediaChanges {
  creator?: string | null;
  rightsHolder?: string | null;
  license?: License;
  credit?: string | null;
  eventName?: string | null;
  schoolId?: number | null;
  classIds?: number[];
}

const emptyToNull = (s: string | null | undefined, current: string | null) => (s === undefined ? current : s === null || s === '' ? null : s);

function checkPlaces(lib: Library, schoolId: number | null, classIds: number[]): void {
  if (schoolId !== null && !lib.repos.schools.listSchools().some((s) => s.id === schoolId)) {
    throw new ClearFrameError('not_found', `There is no school with id ${schoolId}.`);
  }
  for (const classId of classIds) {
    const cls = lib.repos.schools.getClass(classId);
    if (!cls) throw new ClearFrameError('not_found', `There is no class with id ${classId}.`);
    if (schoolId !== null && cls.schoolId !== schoolId) {
      throw new ClearFrameError('invalid_input', `Class "${cls.name}" belongs to another school than the one this media item is tagged with.`);
    }
  }
}

function editable(m: MediaDetail) {
  const { creator, rightsHolder, license, credit, eventName, schoolId, classIds } = m;
  return { creator, rightsHolder, license, credit, eventName, schoolId, classIds };
}

export function updateMedia(lib: Library, ctx: RequestContext, ref: string, changes: MediaChanges): MediaDetail {
  const before = mediaDetail(lib, resolveMedia(lib, ref));
  const edits: MediaEdits = {
    creator: emptyToNull(changes.creator, before.creator),
    rightsHolder: emptyToNull(changes.rightsHolder, before.rightsHolder),
    license: changes.license ?? before.license,
    credit: emptyToNull(changes.credit, before.credit),
    eventName: emptyToNull(changes.eventName, before.eventName),
    schoolId: changes.schoolId === undefined ? before.schoolId : changes.schoolId,
  };
  const classIds = changes.classIds ? [...new Set(changes.classIds)].sort((a, b) => a - b) : before.classIds;
  checkPlaces(lib, edits.schoolId, classIds);
  const after = lib.transaction(() => {
    lib.repos.media.update(before.id, edits);
    if (changes.classIds) lib.repos.media.setClasses(before.id, classIds);
    const updated = mediaDetail(lib, lib.repos.media.get(before.id)!);
    lib.repos.audit.append(ctx.actor, 'media.updated', `media:${before.id}`, { before: editable(before), after: editable(updated) });
    return updated;
  });
  lib.events.emit('library.changed', { what: 'media' });
  return after;
}
