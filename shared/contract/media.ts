import { z } from 'zod';
import type { License, Media, MediaKind } from '../types';
import { licenses, mediaKinds } from '../types';
import type { ImportFailureReason, UnexpectedImportFailure } from '../domain/import-failure-reasons';
import { command } from './define';
import type { MediaFaceSummary } from './faces';
import { isoDate } from './people';

/** A media item as named by a user: the numeric id or the sha256 of the original. */
export const mediaRef = z.string().trim().min(1).max(64);

const optionalText = z.string().trim().max(500).nullable().optional();

export const importDefaults = z.object({
  creator: optionalText,
  rightsHolder: optionalText,
  license: z.enum(licenses).optional(),
  credit: optionalText,
  eventName: optionalText,
  schoolId: z.number().int().positive().nullable().optional(),
});

/**
 * Where a media item stands with its faces, as the grid filters it: never scanned (or the scan failed),
 * faces still to review, every face resolved, or scanned with no face found.
 */
export const mediaFaceStates = ['not_scanned', 'to_review', 'resolved', 'no_faces'] as const;
export type MediaFaceState = (typeof mediaFaceStates)[number];

export const mediaFilter = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  schoolId: z.number().int().positive().optional(),
  classId: z.number().int().positive().optional(),
  kind: z.enum(mediaKinds).optional(),
  batchId: z.number().int().positive().optional(),
  hasErrors: z.boolean().optional(),
  faces: z.enum(mediaFaceStates).optional(),
});
export type MediaFilter = z.infer<typeof mediaFilter>;

/** What the grid needs per tile: small, so a page of 200 stays cheap at 100,000 items. */
export interface MediaTile {
  id: number;
  kind: MediaKind;
  name: string;
  sortAt: string;
  hasThumbnail: boolean;
  hasWarnings: boolean;
  durationS: number | null;
  faces: MediaFaceSummary;
}

export interface MediaDetail extends Media {
  classIds: number[];
  /** Rights and people fields already in the file (IPTC/XMP), as read at import; shown, never exported. */
  embedded: Record<string, unknown>;
}

/** `code` and `params` let the UI say the reason in the user's language; `error` is the English sentence (CLI, JSON). */
export type ImportFailure = {
  path: string;
  error: string;
} & (ImportFailureReason | UnexpectedImportFailure);

export interface ImportBatchReport {
  id: number;
  status: 'running' | 'done' | 'cancelled' | 'interrupted';
  roots: string[];
  startedAt: string;
  finishedAt: string | null;
  total: number;
  imported: number;
  duplicates: number;
  failed: ImportFailure[];
}

export interface DirectoryListing {
  path: string;
  parent: string | null;
  entries: { name: string; path: string; kind: 'dir' | 'file' }[];
}

export const mediaCommands = {
  'media.import': command(
    z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(10000), defaults: importDefaults.optional() }),
  ).returns<{ jobId: number; batchId: number }>(),
  'media.batches': command(z.object({})).returns<ImportBatchReport[]>(),
  'media.batch': command(z.object({ batchId: z.number().int().positive() })).returns<ImportBatchReport>(),
  'media.list': command(
    z.object({ filter: mediaFilter.default({}), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(200) }),
  ).returns<{ total: number; items: MediaTile[] }>(),
  'media.get': command(z.object({ media: mediaRef })).returns<MediaDetail>(),
  'media.update': command(
    z.object({
      media: mediaRef,
      creator: optionalText,
      rightsHolder: optionalText,
      license: z.enum(licenses).optional(),
      credit: optionalText,
      eventName: optionalText,
      schoolId: z.number().int().positive().nullable().optional(),
      classIds: z.array(z.number().int().positive()).max(100).optional(),
    }),
  ).returns<MediaDetail>(),
  /** Lists a folder on this computer for the in-app folder picker (browser mode has no native dialog). */
  'files.browse': command(z.object({ path: z.string().max(4096).optional() })).returns<DirectoryListing>(),
};

export type { License };
