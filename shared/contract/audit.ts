import { z } from 'zod';
import { command } from './define';
import type { ConsentGiver, ConsentStatus } from '../types';
import { isoDate, personRef } from './people';

export const auditFilter = z.object({
  /** The person's id or external id: their timeline (consent, tags, publications, changes). */
  person: personRef.optional(),
  channel: z.string().trim().min(1).max(64).optional(),
  /** Who did it: a profile name, or e.g. `cli:jan` for the command line. */
  actor: z.string().trim().min(1).max(200).optional(),
  /** An action, or a group of them: `consent` matches `consent.granted`, `consent.withdrawn`, … */
  action: z.string().trim().min(1).max(100).optional(),
  /** Days in UTC, both inclusive. */
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type AuditFilter = z.input<typeof auditFilter>;

export interface AuditEntryView {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  /** The person's name for `person:<id>` subjects, so a timeline reads without looking ids up. */
  subjectName: string | null;
  details: unknown;
  hash: string;
}

export interface AuditPage {
  items: AuditEntryView[];
  total: number;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  /** `fault` lets the UI explain in the user's language; `reason` is the core's sentence. */
  firstBad: {
    seq: number;
    fault: 'out_of_order' | 'missing' | 'unlinked' | 'changed' | 'not_checkpoint' | 'cut_off';
    reason: string;
  } | null;
}

/**
 * A signed statement of the log's head, for an auditor to keep outside the library. The signature
 * covers the JSON array [format, version, library, seq, hash, at]. Field names are snake_case
 * because this object is also the file format.
 */
export const auditCheckpoint = z.object({
  format: z.literal('clearframe-audit-checkpoint'),
  version: z.literal(1),
  library: z.string().min(1).max(100),
  seq: z.number().int().positive(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string().min(1).max(40),
  public_key: z.string().min(1).max(200),
  signature: z.string().min(1).max(200),
});
export type AuditCheckpoint = z.infer<typeof auditCheckpoint>;

/** One step in a person's story. `by` is the profile that did it (null: ClearFrame itself asks for it). */
export type PersonTimelineEvent =
  | { kind: 'consent'; at: string; by: string; channel: string; status: ConsentStatus; givenBy: ConsentGiver; givenOn: string; validUntil: string | null }
  | { kind: 'tagged' | 'untagged'; at: string; by: string; mediaId: number; mediaName: string | null; seq: number }
  | { kind: 'published'; at: string; by: string; publicationId: number; channel: string; identityName: string; shown: 'visible' | 'blurred'; files: number }
  | { kind: 'takedown_pending' | 'taken_down'; at: string; by: string | null; publicationId: number; channel: string };

export interface PersonTimeline {
  person: { id: number; name: string; externalId: string | null };
  /** Oldest first. */
  events: PersonTimelineEvent[];
}

export const auditCommands = {
  'audit.list': command(
    z.object({
      filter: auditFilter.default({}),
      order: z.enum(['newest', 'oldest']).default('newest'),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
  ).returns<AuditPage>(),
  /** A person's consent history, media tagged as them, publications showing them and take-downs, oldest first. */
  'audit.personTimeline': command(z.object({ person: personRef })).returns<PersonTimeline>(),
  /** The actors and actions that occur in the log, for the auditor's filter lists. */
  'audit.facets': command(z.object({})).returns<{ actors: string[]; actions: string[] }>(),
  'audit.verify': command(z.object({ checkpoint: auditCheckpoint.optional() })).returns<AuditVerification>(),
  'audit.checkpoint': command(z.object({})).returns<AuditCheckpoint>(),
  /** The filtered log as CSV (oldest first), cells a spreadsheet would run as formulas neutralised. */
  'audit.exportCsv': command(z.object({ filter: auditFilter.default({}) })).returns<{ csv: string; rows: number }>(),
};
