import { z } from 'zod';
import type { Decision } from '../domain/decision';
import type { DecisionPolicy } from '../domain/decision-policy';
import { audioRightsValues } from '../domain/decision-input';
import type { BlockReason } from '../domain/decision-reasons';
import type { IsoDate, MediaKind } from '../types';
import { command } from './define';
import { mediaRef } from './media';
import { isoDate, personRef } from './people';

export const redactionStyles = ['blur', 'pixelate'] as const;
export type RedactionStyle = (typeof redactionStyles)[number];

const channelKey = z.string().trim().min(1).max(32);
/** `foundation` or a school's key. */
export const identityRef = z.string().trim().min(1).max(40);

/** Which media: a list (ids or sha256), or every media item in the library. */
const selection = {
  media: z.array(mediaRef).max(100_000).default([]),
  all: z.boolean().default(false),
};

export interface CheckedMedia {
  mediaId: number;
  name: string;
  kind: MediaKind;
  decision: Decision;
}

/** One frame of a video as the export would write it. */
export interface PreviewFrame {
  /** Seconds from the start of the video. */
  time: number;
  /** A JPEG data: URL. */
  image: string;
}

export interface ExportPreview {
  mediaId: number;
  decision: Decision;
  /** The photo exactly as the export would write it (smaller), as a data: URL; null when blocked or a video. */
  image: string | null;
  /** Size of the photo, or of the video's frames; null when blocked. */
  width: number | null;
  height: number | null;
  /** A video's frames where its faces are (or spread over it when it has none); empty for photos and blocked media. */
  frames: PreviewFrame[];
  /** Whether the exported video keeps its sound; null for photos and blocked media. */
  sound: 'kept' | 'removed' | 'none' | null;
}

export interface ExportedFile {
  mediaId: number;
  /** Full path of the written file. */
  file: string;
  sha256: string;
  /** Faces (a video track counts once) redacted in the file. */
  blurred: number;
}

export interface BlockedMedia {
  mediaId: number;
  name: string;
  reasons: BlockReason[];
}

export interface ExportReport {
  jobId: number;
  status: 'running' | 'done' | 'failed' | 'cancelled';
  /** The register entry for the written files; null when nothing was written. */
  publicationId: number | null;
  channel: string;
  identity: string;
  outDir: string;
  exported: ExportedFile[];
  blocked: BlockedMedia[];
  /** Media that could be exported but failed (e.g. a damaged file); nothing was written for them. */
  failed: { mediaId: number; name: string; error: string }[];
}

export interface PublicationFile {
  mediaId: number;
  file: string;
  sha256: string;
}

export interface PublicationPerson {
  personId: number;
  externalId: string | null;
}

export interface Publication {
  id: number;
  createdAt: string;
  by: string;
  channel: string;
  identity: string;
  identityName: string;
  decisionDate: IsoDate;
  postUrl: string | null;
  files: PublicationFile[];
  visible: PublicationPerson[];
  blurred: PublicationPerson[];
  takeDown: 'none' | 'pending' | 'done';
  /** Visible people whose consent for the channel has since been withdrawn or refused. */
  withdrawn: PublicationPerson[];
  takedownDoneAt: string | null;
  takedownDoneBy: string | null;
}

export interface MediaMarksView {
  mediaId: number;
  confidential: boolean;
  notForPublication: string | null;
  audioRights: (typeof audioRightsValues)[number];
  thirdPartyPermission: { channels: string[]; until: IsoDate | null; evidence: string | null } | null;
}

const policyInput = z
  .object({
    blurMargin: z.number().min(0).max(2),
    maxBlurShare: z.number().min(0).max(1),
    unresolvedFaces: z.enum(['block', 'blur']),
    suggestedFaces: z.enum(['block', 'blur']),
    requireOfficialChannel: z.boolean(),
    unknownRightsOnInternalChannels: z.enum(['allow', 'block']),
    audioWithoutRights: z.enum(['block', 'remove']),
  })
  .partial();

export const exportCommands = {
  /** The decision for each media item on a channel (and identity), on a date (default today). */
  'export.check': command(
    z.object({ ...selection, channel: channelKey, identity: identityRef.optional(), date: isoDate.optional(), removeAudio: z.boolean().default(false) }),
  ).returns<CheckedMedia[]>(),
  'export.preview': command(
    z.object({
      media: mediaRef,
      channel: channelKey,
      identity: identityRef.optional(),
      date: isoDate.optional(),
      style: z.enum(redactionStyles).default('blur'),
      removeAudio: z.boolean().default(false),
    }),
  ).returns<ExportPreview>(),
  /** Exports the selection as a job; `export.report` gives its outcome. */
  'export.start': command(
    z.object({
      ...selection,
      channel: channelKey,
      identity: identityRef,
      outDir: z.string().trim().min(1).max(4096),
      style: z.enum(redactionStyles).default('blur'),
      removeAudio: z.boolean().default(false),
    }),
  ).returns<{ jobId: number }>(),
  'export.report': command(z.object({ jobId: z.number().int().positive() })).returns<ExportReport>(),
  'export.policy': command(z.object({})).returns<DecisionPolicy>(),
  'export.setPolicy': command(policyInput).returns<DecisionPolicy>(),
  'publications.list': command(z.object({ person: personRef.optional(), toTakeDown: z.boolean().default(false) })).returns<Publication[]>(),
  /** Records that a publication was taken down everywhere it was posted. */
  'publications.done': command(z.object({ id: z.number().int().positive() })).returns<Publication>(),
  'publications.setPostUrl': command(z.object({ id: z.number().int().positive(), url: z.url().max(2000) })).returns<Publication>(),
  'media.marks': command(z.object({ media: mediaRef })).returns<MediaMarksView>(),
  /** Fields left out stay as they are; `notForPublication: null` lifts the mark. */
  'media.setMarks': command(
    z.object({
      media: mediaRef,
      confidential: z.boolean().optional(),
      notForPublication: z.string().trim().min(1).max(500).nullable().optional(),
      audioRights: z.enum(audioRightsValues).optional(),
      thirdPartyPermission: z
        .object({ channels: z.array(channelKey).min(1).max(50), until: isoDate.nullable(), evidence: z.string().trim().max(500).nullable().default(null) })
        .nullable()
        .optional(),
    }),
  ).returns<MediaMarksView>(),
};
