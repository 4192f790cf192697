import { z } from 'zod';
import { command } from './define';
import { personRef } from './people';

/** What a data export holds of the media a person is tagged in. Originals show others too (GDPR art. 15(4)): choose. */
export const exportMediaChoices = ['originals', 'thumbnails', 'none'] as const;
export type ExportMediaChoice = (typeof exportMediaChoices)[number];

export interface PersonDataExport {
  person: { id: number; externalId: string | null; name: string };
  /** The folder or ZIP file written (absolute path). */
  out: string;
  format: 'folder' | 'zip';
  files: number;
  bytes: number;
  consentRecords: number;
  media: number;
  publications: number;
  auditEntries: number;
}

/** What erasing a person removes and keeps: shown before asking to confirm, and returned after. */
export interface ErasureSummary {
  person: { id: number; externalId: string | null; name: string };
  consentRecords: number;
  /** Records a publication relied on: kept without note and evidence, as that publication's proof of consent. */
  consentRecordsKept: number;
  facesTagged: number;
  facesSuggested: number;
  references: number;
  publications: number;
  /** Channels where a publication shows the person: consent there is withdrawn, so the register asks for takedown. */
  takedownChannels: string[];
  auditEntriesToRedact: number;
  /** Backups in the library folder made before now: they still hold the person until removed. */
  backups: number;
}

export interface ErasureResult extends ErasureSummary {
  /** The `person.erased` audit entry. */
  auditEntry: number;
  /** The database file was rewritten, so the erased data is gone from the disk too (not when another program had it open). */
  scrubbed: boolean;
}

export const gdprCommands = {
  /**
   * Everything ClearFrame holds about a person (GDPR art. 15 and 20), written to `out`: a folder, or a ZIP
   * file when `out` ends in .zip. `out` must not exist yet; it appears only once complete.
   */
  'people.dataExport': command(
    z.object({
      person: personRef,
      out: z.string().trim().min(1).max(4096),
      media: z.enum(exportMediaChoices).default('originals'),
    }),
  ).returns<PersonDataExport>(),
  'people.erasePreview': command(z.object({ person: personRef })).returns<ErasureSummary>(),
  /** GDPR art. 17. `confirm` must be true: there is no undo (backups made before still hold the person). */
  'people.erase': command(z.object({ person: personRef, confirm: z.literal(true) })).returns<ErasureResult>(),
};
