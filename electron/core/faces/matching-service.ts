import { statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import exifr from 'exifr';
import type { FaceMatchingStatus, FaceReferenceInfo } from '../../../shared/contract/faces';
import { ClearFrameError } from '../../../shared/result';
import type { Person } from '../../../shared/types';
import type { RequestContext } from '../api/context';
import type { FaceReferenceRow } from '../db/repositories/face-matching-repository';
import type { Library } from '../library';
import { contentPath } from '../library-paths';
import { resolvePerson } from '../services/people-service';
import { detectorPool, type DetectorPool } from './detector-pool';
import { readFaceSettings } from './face-settings';
import { embeddingVersion } from './model-version';

/** Children's faces change: a reference photo taken longer ago than this should be replaced. */
const refreshAfterDays = 365;

const personName = (p: Person) => `${p.firstName} ${p.lastName}`;

export function referenceInfo(r: FaceReferenceRow, today = new Date()): FaceReferenceInfo {
  const ageDays = (today.getTime() - new Date(`${r.takenAt}T00:00:00Z`).getTime()) / 86_400_000;
  return { id: r.id, personId: r.personId, faceId: r.faceId, imageName: r.imageName, takenAt: r.takenAt, createdAt: r.createdAt, needsRefresh: ageDays > refreshAfterDays };
}

export function matchingStatus(lib: Library, personRef: string): FaceMatchingStatus {
  return statusOf(lib, resolvePerson(lib, personRef).id);
}

function statusOf(lib: Library, personId: number): FaceMatchingStatus {
  const permission = lib.repos.faceMatching.permission(personId);
  return {
    personId,
    allowed: permission !== undefined,
    grantedAt: permission?.grantedAt ?? null,
    grantedBy: permission?.grantedBy ?? null,
    references: lib.repos.faceMatching.references(personId).map((r) => referenceInfo(r)),
  };
}

/**
 * Turns the separate face matching permission on or off. Withdrawing it deletes the person's
 * reference embeddings (the schema cascades them from the permission) and takes back the open
 * suggestions made from them, in one transaction with the audit entry.
 */
export function setFaceMatching(lib: Library, ctx: RequestContext, personRef: string, allowed: boolean): FaceMatchingStatus {
  const person = resolvePerson(lib, personRef);
  const had = lib.repos.faceMatching.permission(person.id) !== undefined;
  if (had === allowed) return statusOf(lib, person.id);
  lib.transaction(() => {
    if (allowed) {
      lib.repos.faceMatching.grant(person.id, ctx.actor);
      lib.repos.audit.append(ctx.actor, 'person.face_matching_allowed', `person:${person.id}`, {});
    } else {
      const embeddingsDeleted = lib.repos.faceMatching.withdraw(person.id);
      const suggestionsWithdrawn = lib.repos.faces.unsuggestPerson(person.id);
      lib.repos.audit.append(ctx.actor, 'person.face_matching_withdrawn', `person:${person.id}`, { embeddingsDeleted, suggestionsWithdrawn });
    }
  });
  lib.events.emit('library.changed', { what: 'faces' });
  return statusOf(lib, person.id);
}

function requirePermission(lib: Library, person: Person): void {
  if (!lib.repos.faceMatching.permission(person.id)) {
    throw new ClearFrameError(
      'forbidden',
      `Face matching is not allowed for ${personName(person)}. Record the face matching permission first; without it no face data of theirs is kept.`,
    );
  }
}

/** A reference from a face already confirmed as this person. */
export async function addReferenceFromFace(lib: Library, ctx: RequestContext, personRef: string, faceId: number, pool: DetectorPool = detectorPool()): Promise<FaceReferenceInfo> {
  const person = resolvePerson(lib, personRef);
  requirePermission(lib, person);
  const face = lib.repos.faces.get(faceId);
  if (!face) throw new ClearFrameError('not_found', `There is no face ${faceId}.`);
  if (face.state !== 'person' || face.personId !== person.id) {
    throw new ClearFrameError('invalid_input', `Face ${faceId} is not tagged as ${personName(person)}; tag it first, then use it as a reference.`);
  }
  const media = lib.repos.media.get(face.mediaId)!;
  const path = contentPath(lib.paths.store, media.sha256, `.${media.ext}`);
  const [descriptor] =
    media.kind === 'photo'
      ? await pool.run({ kind: 'describe-photo', path, ext: media.ext, boxes: [face.box] })
      : await pool.run({ kind: 'describe-frame', path, width: media.width ?? 0, height: media.height ?? 0, time: face.time ?? 0, boxes: [face.box] });
  if (!descriptor) throw new ClearFrameError('invalid_input', `No face could be aligned in face ${faceId} (too small or turned away); choose a clearer face.`);
  const takenAt = (media.capturedAt ?? media.importedAt).slice(0, 10);
  return saveReference(lib, ctx, person, { faceId: face.id, imageName: null, descriptor, takenAt });
}

/** A reference from an image file (its largest face); only the embedding and the file's name are kept. */
export async function addReferenceFromImage(lib: Library, ctx: RequestContext, personRef: string, imagePath: string, pool: DetectorPool = detectorPool()): Promise<FaceReferenceInfo> {
  const person = resolvePerson(lib, personRef);
  requirePermission(lib, person);
  let modified: Date;
  try {
    modified = statSync(imagePath).mtime;
  } catch {
    throw new ClearFrameError('not_found', `The image ${imagePath} cannot be read; check the path.`);
  }
  const ext = extname(imagePath).slice(1).toLowerCase();
  const settings = readFaceSettings(lib);
  const scan = await pool.run({ kind: 'scan-photo', path: imagePath, ext, minFacePx: settings.minFacePx, minScore: 0.5 });
  const largest = [...scan.faces].sort((a, b) => b.w * b.h - a.w * a.h)[0];
  if (!largest) throw new ClearFrameError('invalid_input', `No face was found in ${basename(imagePath)}; choose a photo where the face is clearly visible.`);
  const [descriptor] = await pool.run({ kind: 'describe-photo', path: imagePath, ext, boxes: [largest] });
  if (!descriptor) throw new ClearFrameError('invalid_input', `The face in ${basename(imagePath)} could not be aligned; choose a photo facing the camera.`);
  const captured = await exifr.parse(imagePath, { pick: ['DateTimeOriginal'] }).catch(() => undefined);
  const takenAt = (captured?.DateTimeOriginal instanceof Date ? captured.DateTimeOriginal : modified).toISOString().slice(0, 10);
  return saveReference(lib, ctx, person, { faceId: null, imageName: basename(imagePath), descriptor, takenAt });
}

function saveReference(
  lib: Library,
  ctx: RequestContext,
  person: Person,
  r: { faceId: number | null; imageName: string | null; descriptor: number[]; takenAt: string },
): FaceReferenceInfo {
  const id = lib.transaction(() => {
    // Checked again inside the transaction: the permission may have been withdrawn while the descriptor was computed.
    requirePermission(lib, person);
    const refId = lib.repos.faceMatching.addReference({
      personId: person.id,
      faceId: r.faceId,
      imageName: r.imageName,
      embedding: r.descriptor,
      modelVersion: embeddingVersion,
      takenAt: r.takenAt,
      createdBy: ctx.actor,
    });
    lib.repos.audit.append(ctx.actor, 'person.reference_added', `person:${person.id}`, { reference: refId, face: r.faceId, image: r.imageName, takenAt: r.takenAt });
    return refId;
  });
  return referenceInfo(lib.repos.faceMatching.reference(id)!);
}

export function removeReference(lib: Library, ctx: RequestContext, referenceId: number): FaceMatchingStatus {
  const ref = lib.repos.faceMatching.reference(referenceId);
  if (!ref) throw new ClearFrameError('not_found', `There is no reference ${referenceId}.`);
  lib.transaction(() => {
    lib.repos.faceMatching.removeReference(referenceId);
    lib.repos.audit.append(ctx.actor, 'person.reference_removed', `person:${ref.personId}`, { reference: referenceId });
  });
  return statusOf(lib, ref.personId);
}
