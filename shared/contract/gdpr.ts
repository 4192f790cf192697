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
  /** Names replaced by "[erased person]" in free text that stays: captions, doubts, media names and embedded metadata. */
  freeTextMentions: number;
  /** Media whose original file has the name in its embedded metadata (XMP, IPTC); the original is not rewritten. */
  originalsWithName: number;
  /** Backups in the library folder made before now: they still hold the person until removed. */
  backups: number;
}

/** An original file in the media store whose embedded metadata still names the erased person. */
export interface OriginalWithName {
  mediaId: number;
  /** The media's name after the erasure. */
  name: string;
  /** Where the original lies in the library's media store. */
  path: string;
}

export interface ErasureResult extends ErasureSummary {
  /** The `person.erased` audit entry. */
  auditEntry: number;
  /** The database file was rewritten, so the erased data is gone from the disk too (not when another program had it open). */
  scrubbed: boolean;
  /** When the erasure was recorded: backups made before it still hold the person (`backup.deleteOlder`). */
  erasedAt: string;
  /** Names replaced per place (e.g. `posts.caption`), as recorded in the audit entry. */
  freeTextReplaced: Record<string, number>;
  /** Originals that still carry the name inside the file: an admin decides whether to delete those media. */
  originals: OriginalWithName[];
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
