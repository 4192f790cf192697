import { z } from 'zod';
import type { Face, FaceBox, FaceSource, FaceState, IsoDate, IsoDateTime, Person } from '../types';
import { command } from './define';
import { mediaRef } from './media';
import { personRef } from './people';

const fraction = z.number().min(0).max(1);

/** A box in fractions (0..1) of the upright image; it must lie inside the image. */
export const faceBoxInput = z
  .object({ x: fraction, y: fraction, w: fraction.gt(0), h: fraction.gt(0) })
  .refine((b) => b.x + b.w <= 1.0001 && b.y + b.h <= 1.0001, { message: 'The box must lie inside the image (x + w and y + h at most 1).' });

const faceId = z.number().int().positive();

/** What a reviewer decides about a face; `unreviewed` takes a decision back. */
export const faceVerdicts = ['person', 'not_identifiable', 'not_a_face', 'unreviewed'] as const;
export type FaceVerdict = (typeof faceVerdicts)[number];

export const faceAssignment = z.discriminatedUnion('verdict', [
  z.object({ verdict: z.literal('person'), person: personRef }),
  z.object({ verdict: z.literal('not_identifiable') }),
  z.object({ verdict: z.literal('not_a_face') }),
  z.object({ verdict: z.literal('unreviewed') }),
]);
export type FaceAssignment = z.infer<typeof faceAssignment>;

/** A stored face, with the name an embedded (MWG/IPTC) region gave it, if any, and the file it is in. */
export interface FaceInfo extends Face {
  importedName: string | null;
  /** The media item's file name, so a list of faces can say where each one is. */
  mediaName: string;
}

/** A media item's faces at a glance: what the library grid and the review queue show. */
export interface MediaFaceSummary {
  /** `not_detected`: nobody knows yet who is in it; `unresolved`: some faces still need a decision. */
  state: 'not_detected' | 'resolved' | 'unresolved';
  total: number;
  unresolved: number;
}

export interface FaceDetectionInfo {
  modelVersion: string;
  detectedAt: IsoDateTime;
  facesFound: number;
  error: string | null;
  /** Made with the current model and settings (a re-run would skip this media item). */
  current: boolean;
}

export interface MediaFaces {
  mediaId: number;
  summary: MediaFaceSummary;
  detection: FaceDetectionInfo | null;
  faces: FaceInfo[];
}

export interface TrackPoint {
  time: number;
  box: FaceBox;
  score: number | null;
}

export interface FaceDetectionReport {
  /** Media scanned in this run. */
  detected: number;
  /** Media already scanned with the current model and settings. */
  skipped: number;
  /** Faces stored by this run (new detections and imported regions). */
  faces: number;
  failed: { mediaId: number; name: string; error: string }[];
  cancelled: boolean;
}

export interface FaceSuggestionReport {
  /** Open faces compared with the reference faces. */
  compared: number;
  suggested: number;
  /** No one had face matching allowed with references, so nothing was compared. */
  noReferences: boolean;
  failed: { mediaId: number; error: string }[];
}

/** Open faces that share a suggested person (or have none), so they can be confirmed in one action. */
export interface ReviewGroup {
  suggestedPerson: Person | null;
  faces: number;
  media: number;
}

export interface PersonAppearance {
  mediaId: number;
  faceIds: number[];
}

export interface FaceReferenceInfo {
  id: number;
  personId: number;
  /** The tagged face it was taken from, or null for a reference added from a file. */
  faceId: number | null;
  imageName: string | null;
  takenAt: IsoDate;
  createdAt: IsoDateTime;
  /** Children's faces change: a reference photo older than a year should be replaced. */
  needsRefresh: boolean;
}

export interface FaceMatchingStatus {
  personId: number;
  /** The separate "face matching" permission (off by default); without it no embedding is kept. */
  allowed: boolean;
  grantedAt: IsoDateTime | null;
  grantedBy: string | null;
  references: FaceReferenceInfo[];
}

export const faceSettingsInput = z.object({
  /** Descriptor distance under which a reference suggests a person (lower = stricter). */
  matchThreshold: z.number().min(0.2).max(1),
  /** The smallest face (pixels tall) photo detection must find; smaller costs more time. */
  minFacePx: z.number().int().min(16).max(200),
  /** Detector score from which a box is shown as a face (low: reviewers sort out the rest). */
  minScore: z.number().min(0.05).max(0.95),
  videoFps: z.number().min(0.5).max(10),
  videoMinFacePx: z.number().int().min(16).max(400),
  /** In the app, every import is followed by a detection job; a school can switch that off and detect on demand. */
  detectAfterImport: z.boolean(),
});
export type FaceSettings = z.infer<typeof faceSettingsInput>;

export const faceCommands = {
  /** Starts detection on the given media, or on all media; media done with the current model and settings are skipped unless `force`. */
  'faces.detect': command(
    z
      .object({ media: z.array(mediaRef).max(100_000).optional(), all: z.boolean().default(false), force: z.boolean().default(false) })
      .refine((i) => i.all !== (i.media !== undefined && i.media.length > 0), { message: 'Name media items or ask for all, not both.' }),
  ).returns<{ jobId: number }>(),
  'faces.list': command(
    z.object({
      media: mediaRef.optional(),
      states: z.array(z.enum(['unreviewed', 'suggested', 'person', 'not_identifiable', 'not_a_face'])).optional(),
      person: personRef.optional(),
      /** Open faces suggested as this person, or (with `unsuggested`) open faces without a suggestion. */
      suggestedPerson: personRef.optional(),
      unsuggested: z.boolean().optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(5000).default(500),
    }),
  ).returns<FaceInfo[]>(),
  'faces.forMedia': command(z.object({ media: mediaRef })).returns<MediaFaces>(),
  'faces.track': command(z.object({ face: faceId })).returns<TrackPoint[]>(),
  'faces.assign': command(z.object({ faces: z.array(faceId).min(1).max(5000), to: faceAssignment })).returns<FaceInfo[]>(),
  'faces.add': command(
    z.object({ media: mediaRef, box: faceBoxInput, time: z.number().min(0).optional(), person: personRef.optional() }),
  ).returns<FaceInfo>(),
  'faces.queue': command(z.object({})).returns<ReviewGroup[]>(),
  'faces.ofPerson': command(z.object({ person: personRef })).returns<PersonAppearance[]>(),
  'faces.suggest': command(z.object({ media: mediaRef.optional() })).returns<{ jobId: number }>(),
  'faces.settings': command(z.object({})).returns<FaceSettings>(),
  'faces.updateSettings': command(faceSettingsInput.partial()).returns<FaceSettings>(),
  'people.faceMatching': command(z.object({ person: personRef })).returns<FaceMatchingStatus>(),
  'people.setFaceMatching': command(z.object({ person: personRef, allowed: z.boolean() })).returns<FaceMatchingStatus>(),
  /** A reference from a tagged face, or from an image file on this computer (its largest face). */
  'people.addReference': command(
    z
      .object({ person: personRef, face: faceId.optional(), image: z.string().min(1).max(4096).optional() })
      .refine((i) => (i.face === undefined) !== (i.image === undefined), { message: 'Give a face or an image file, not both.' }),
  ).returns<FaceReferenceInfo>(),
  'people.removeReference': command(z.object({ reference: z.number().int().positive() })).returns<FaceMatchingStatus>(),
};

export type { FaceSource, FaceState };
