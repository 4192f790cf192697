import type { Channel, ConsentRecord, Face, IsoDate, Media, Person } from '../types';
import type { DecisionPolicy } from './decision-policy';

/**
 * Whether the sound of a video may be published: `own` means the school made it or cleared it for
 * publication; `other` means it is someone else's (e.g. music) without clearance; `unknown` means nobody answered yet.
 */
export const audioRightsValues = ['own', 'other', 'unknown'] as const;
export type AudioRights = (typeof audioRightsValues)[number];

/** A third party's permission to publish their work (rule 6): limited to some channels and possibly to a date. */
export interface ThirdPartyPermission {
  channels: readonly string[];
  /** Last day the permission holds; null = no end date. */
  until: IsoDate | null;
}

/** What the decision needs to know about a media item; storage fills it from the media row and its marks. */
export interface DecisionMedia extends Pick<Media, 'id' | 'kind' | 'hasAudio' | 'license' | 'rightsHolder'> {
  /** True once face detection has run (or a reviewer marked the faces complete); before that nobody knows who is in it. */
  facesDetected: boolean;
  /** Marked as holding confidential information (rule 3). */
  confidential: boolean;
  /** Marked "not for publication" by a reviewer, with the reason (rule 8). */
  notForPublication: { reason: string } | null;
  /** An open "in doubt? ask" question (rules 7, 10); null once answered. */
  openDoubt: { question: string } | null;
  /** Only meaningful for videos that have (or may have) sound. */
  audioRights: AudioRights;
  /** Only meaningful when `license` is `third_party`. */
  thirdPartyPermission: ThirdPartyPermission | null;
}

export type DecisionFace = Pick<Face, 'id' | 'box' | 'state' | 'personId' | 'suggestedPersonId' | 'trackId'>;

export type DecisionPerson = Pick<Person, 'id' | 'firstName' | 'lastName' | 'role' | 'dateOfBirth'>;

export type DecisionChannel = Pick<Channel, 'key' | 'name' | 'kind'>;

/** Who publishes: the foundation or a school (rule 2), with the channels it officially uses (rule 13). */
export interface PublishingIdentity {
  key: string;
  name: string;
  /** Channel keys; null when the admin has not listed them yet (then nothing is checked). */
  officialChannels: readonly string[] | null;
}

export interface DecisionInput {
  media: DecisionMedia;
  faces: readonly DecisionFace[];
  /** At least everyone a face is confirmed as; others are ignored. */
  people: readonly DecisionPerson[];
  /** Append-only consent records of these people (records of others are ignored). */
  consentHistory: readonly ConsentRecord[];
  channel: DecisionChannel;
  /** Null for a check without an identity (library badges); an export always passes one. */
  publishingIdentity: PublishingIdentity | null;
  date: IsoDate;
  policy: DecisionPolicy;
  /** The export will drop the audio track (the user's choice for this export). */
  removeAudio?: boolean;
}
