import { z } from 'zod';
import type { Decision } from '../domain/decision';
import type { ConsentGiver, IsoDate, MediaKind } from '../types';
import { command } from './define';
import type { BlockedMedia, ExportedFile } from './export';
import { identityRef } from './export';
import { mediaRef } from './media';
import { isoDate } from './people';

const channelKey = z.string().trim().min(1).max(32);
const id = z.number().int().positive();
const text = (max: number) => z.string().trim().min(1).max(max);

/** How files for one official account are sized; null fields use the channel's default preset. */
export interface ChannelPresets {
  photoMaxEdge: number | null;
  jpegQuality: number | null;
  videoMaxEdge: number | null;
  videoMaxKbps: number | null;
}

/** One account an identity officially publishes on (rule 13). */
export interface OfficialChannel extends ChannelPresets {
  id: number;
  identity: string;
  channel: string;
  channelName: string;
  account: string;
  url: string | null;
}

/** The foundation or a school, with its official channels. */
export interface PublishingIdentityView {
  key: string;
  name: string;
  kind: 'foundation' | 'school';
  channels: OfficialChannel[];
}

export const postStatuses = ['draft', 'submitted', 'released', 'rejected'] as const;
export type PostStatus = (typeof postStatuses)[number];

export const doubtStatuses = ['open', 'answered', 'approved', 'rejected'] as const;
export type DoubtStatus = (typeof doubtStatuses)[number];

export interface Doubt {
  id: number;
  postId: number | null;
  mediaId: number | null;
  /** Whose management or board answers it. */
  identity: string;
  identityName: string;
  question: string;
  askedBy: string;
  askedAt: string;
  status: DoubtStatus;
  answer: string | null;
  reason: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
}

export interface PostMedia {
  mediaId: number;
  name: string;
  kind: MediaKind;
  hasThumbnail: boolean;
  /** The decision for the post's channel and identity, as of today. */
  decision: Decision;
}

export interface Post {
  id: number;
  identity: string;
  identityName: string;
  channel: string;
  channelName: string;
  account: string | null;
  caption: string | null;
  plannedOn: IsoDate | null;
  /** The author says visible logos or third-party artwork may be in it: the releaser must check it (rule 6). */
  thirdPartyContent: boolean;
  status: PostStatus;
  author: string;
  createdAt: string;
  submittedAt: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  rejectReason: string | null;
  publicationId: number | null;
  media: PostMedia[];
  doubts: Doubt[];
}

export interface PostSummary {
  id: number;
  identity: string;
  identityName: string;
  channel: string;
  caption: string | null;
  plannedOn: IsoDate | null;
  status: PostStatus;
  author: string;
  mediaCount: number;
  openDoubts: number;
}

export interface ReleaseReport {
  post: Post;
  publicationId: number | null;
  outDir: string;
  exported: ExportedFile[];
  /** Blocked when released (consent may have changed since the post was prepared), or refused by an answer. */
  blocked: BlockedMedia[];
  failed: { mediaId: number; name: string; error: string }[];
}

export interface ExpiringConsent {
  personId: number;
  externalId: string | null;
  name: string;
  className: string | null;
  channel: string;
  validUntil: IsoDate;
  /** True when it ends with the school year (31 July) rather than on a date of its own. */
  schoolYearEnd: boolean;
}

export interface TurningSixteen {
  personId: number;
  externalId: string | null;
  name: string;
  className: string | null;
  /** From this day the pupil's own consent is needed; the guardian's no longer counts. */
  ownConsentFrom: IsoDate;
  /** Who gave the consents in force now. */
  currentGivers: ConsentGiver[];
}

export const publishingCommands = {
  'identities.list': command(z.object({})).returns<PublishingIdentityView[]>(),
  /** Adds (or updates) an official account of an identity on a channel. */
  'identities.addChannel': command(
    z.object({
      identity: identityRef,
      channel: channelKey,
      account: text(200),
      url: z.url().max(2000).nullable().default(null),
      photoMaxEdge: z.number().int().min(320).max(10_000).nullable().default(null),
      jpegQuality: z.number().int().min(40).max(100).nullable().default(null),
      videoMaxEdge: z.number().int().min(240).max(4320).nullable().default(null),
      videoMaxKbps: z.number().int().min(200).max(100_000).nullable().default(null),
    }),
  ).returns<PublishingIdentityView>(),
  'identities.removeChannel': command(z.object({ identity: identityRef, channel: channelKey })).returns<PublishingIdentityView>(),
  'posts.list': command(z.object({ status: z.enum(postStatuses).optional() })).returns<PostSummary[]>(),
  'posts.get': command(z.object({ id })).returns<Post>(),
  'posts.create': command(
    z.object({
      identity: identityRef,
      channel: channelKey,
      media: z.array(mediaRef).max(200).default([]),
      caption: z.string().trim().max(5000).nullable().default(null),
      plannedOn: isoDate.nullable().default(null),
      thirdPartyContent: z.boolean().default(false),
    }),
  ).returns<Post>(),
  /** Changes a draft; fields left out stay as they are. */
  'posts.update': command(
    z.object({
      id,
      caption: z.string().trim().max(5000).nullable().optional(),
      plannedOn: isoDate.nullable().optional(),
      thirdPartyContent: z.boolean().optional(),
      addMedia: z.array(mediaRef).max(200).default([]),
      removeMedia: z.array(mediaRef).max(200).default([]),
    }),
  ).returns<Post>(),
  'posts.submit': command(z.object({ id })).returns<Post>(),
  /**
   * Four eyes: someone other than the author, allowed to release for the identity, re-runs the decisions now
   * and exports what may go. `thirdPartyChecked` confirms the manual check of logos and artwork.
   */
  'posts.release': command(
    z.object({ id, outDir: z.string().trim().min(1).max(4096), thirdPartyChecked: z.boolean().default(false) }),
  ).returns<ReleaseReport>(),
  'posts.reject': command(z.object({ id, reason: text(1000) })).returns<Post>(),
  'doubts.ask': command(
    z.object({ post: id.optional(), media: mediaRef.optional(), question: text(2000) }).refine((d) => (d.post === undefined) !== (d.media === undefined), {
      message: 'Name either a post or a media item.',
    }),
  ).returns<Doubt>(),
  /** The review queue: open doubts the caller may answer (all open ones for those who only read). */
  'doubts.list': command(z.object({ status: z.enum(doubtStatuses).optional(), mine: z.boolean().default(true) })).returns<Doubt[]>(),
  /**
   * Answer a doubt; either way it is no longer open. `reject` (with a reason) also marks the media "not for
   * publication" with that reason (rule 8), or rejects the post.
   */
  'doubts.answer': command(
    z
      .object({ id, answer: text(2000), verdict: z.enum(['answer', 'approve', 'reject']).default('answer'), reason: text(1000).optional() })
      .refine((d) => d.verdict !== 'reject' || d.reason !== undefined, { message: 'A rejection needs a reason.' }),
  ).returns<Doubt>(),
  'consent.expiring': command(z.object({ days: z.number().int().min(1).max(366).default(30), date: isoDate.optional() })).returns<{
    expiring: ExpiringConsent[];
    turningSixteen: TurningSixteen[];
  }>(),
  /** Printable reconfirmation forms for a class: one page per pupil with the channels. */
  'consent.forms': command(
    z.object({ classId: id, language: z.enum(['en', 'nl']).default('nl'), outFile: z.string().trim().min(1).max(4096).optional() }),
  ).returns<{ file: string | null; pages: number; pdfBase64: string | null }>(),
};
