/** Domain types shared by the core, the UI and the CLI. Dates are ISO strings: YYYY-MM-DD for calendar days. */

export type IsoDate = string;
export type IsoDateTime = string;

export const personRoles = ['pupil', 'staff'] as const;
export type PersonRole = (typeof personRoles)[number];

export const consentStatuses = ['granted', 'refused', 'withdrawn'] as const;
export type ConsentStatus = (typeof consentStatuses)[number];

export const consentGivers = ['guardian', 'pupil', 'self'] as const;
export type ConsentGiver = (typeof consentGivers)[number];

export const channelKinds = ['internal', 'external', 'social'] as const;
export type ChannelKind = (typeof channelKinds)[number];

export const licenses = [
  'school_owned',
  'cc0',
  'cc_by',
  'cc_by_sa',
  'cc_by_nc',
  'cc_by_nc_sa',
  'cc_by_nd',
  'third_party',
  'unknown',
] as const;
export type License = (typeof licenses)[number];

export const mediaKinds = ['photo', 'video'] as const;
export type MediaKind = (typeof mediaKinds)[number];

export interface School {
  id: number;
  key: string;
  name: string;
}

export interface SchoolClass {
  id: number;
  schoolId: number;
  name: string;
}

export interface Person {
  id: number;
  externalId: string | null;
  firstName: string;
  lastName: string;
  role: PersonRole;
  schoolId: number | null;
  classId: number | null;
  dateOfBirth: IsoDate | null;
}

export interface Channel {
  key: string;
  name: string;
  kind: ChannelKind;
  builtin: boolean;
}

export interface ConsentRecord {
  id: number;
  personId: number;
  channel: string;
  status: ConsentStatus;
  givenBy: ConsentGiver;
  givenOn: IsoDate;
  validUntil: IsoDate | null;
  evidence: string | null;
  note: string | null;
  source: 'manual' | 'csv' | 'demo';
  recordedAt: IsoDateTime;
  recordedBy: string;
}

export interface Media {
  id: number;
  sha256: string;
  kind: MediaKind;
  name: string;
  ext: string;
  byteSize: number;
  mime: string;
  width: number | null;
  height: number | null;
  orientation: number | null;
  capturedAt: IsoDateTime | null;
  importedAt: IsoDateTime;
  cameraMake: string | null;
  cameraModel: string | null;
  hasGps: boolean;
  durationS: number | null;
  hasAudio: boolean | null;
  rotation: number | null;
  creator: string | null;
  rightsHolder: string | null;
  license: License;
  credit: string | null;
  eventName: string | null;
  schoolId: number | null;
  batchId: number | null;
  hasThumbnail: boolean;
  warnings: string[];
}

/**
 * A face's review state. Only `person` is a confirmed identification; `suggested` is a recognition
 * suggestion a reviewer has not confirmed yet, and counts as unresolved.
 */
export const faceStates = ['unreviewed', 'suggested', 'person', 'not_identifiable', 'not_a_face'] as const;
export type FaceState = (typeof faceStates)[number];

export const faceSources = ['detected', 'manual', 'imported'] as const;
export type FaceSource = (typeof faceSources)[number];

/** A box relative to the oriented image (0..1), so it survives resizing and thumbnails. */
export interface FaceBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Face {
  id: number;
  mediaId: number;
  box: FaceBox;
  score: number | null;
  source: FaceSource;
  state: FaceState;
  /** The confirmed person (state `person`). */
  personId: number | null;
  suggestedPersonId: number | null;
  suggestionDistance: number | null;
  /** Video faces: the track this face belongs to; every sampled box of the track has a time. */
  trackId: number | null;
  time: number | null;
  modelVersion: string | null;
}
