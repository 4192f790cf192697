import type { ErasureResult, ErasureSummary, OriginalWithName } from '../../../shared/contract/gdpr';
import { requiredGiver } from '../../../shared/domain/consent';
import { todayIso } from '../../../shared/domain/dates';
import type { Person } from '../../../shared/types';
import type { RequestContext } from '../api/context';
import { erasureAction } from '../audit/verify-chain';
import { listBackups } from '../backup/list-backups';
import { hashAuditEntry } from '../db/repositories/audit-repository';
import { createErasureRepository } from '../db/repositories/erasure-repository';
import type { Library } from '../library';
import { contentPath } from '../library-paths';
import { resolvePerson } from '../services/people-service';
import { countsByPlace, freeTextChanges, mediaWithNameInOriginal, type FreeTextChange } from './erase-free-text';
import { entriesOfPerson, identifiersOf } from './person-entries';
import { redactDetails, type Identifiers } from './person-mentions';

interface Redaction {
  seq: number;
  /** The entry's hash, which it keeps. */
  hash: string;
  /** The hash the entry has with its redacted details, which verify recomputes. */
  redactedHash: string;
  details: string;
}

function redactions(lib: Library, person: Person, ids: Identifiers): Redaction[] {
  return entriesOfPerson(lib, person.id, ids).flatMap(({ entry, details, about }) => {
    const redacted = JSON.stringify(redactDetails(details, ids, about));
    // An erasure entry holds only ids and hashes, and is what vouches for the others: it is never redacted.
    if (typeof details === 'string' || entry.action === erasureAction || redacted === entry.details) return [];
    return [{ seq: entry.seq, hash: entry.hash, redactedHash: hashAuditEntry({ ...entry, details: redacted }), details: redacted }];
  });
}

function summary(lib: Library, person: Person, toRedact: number, freeText: FreeTextChange[]): ErasureSummary {
  const repo = createErasureRepository(lib.db);
  const backupsBefore = listBackups(lib.paths.backups).length;
  return {
    person: { id: person.id, externalId: person.externalId, name: `${person.firstName} ${person.lastName}` },
    ...repo.counts(person.id),
    takedownChannels: repo.shownChannels(person.id),
    auditEntriesToRedact: toRedact,
    freeTextMentions: freeText.reduce((n, c) => n + c.count, 0),
    originalsWithName: mediaWithNameInOriginal(freeText).length,
    backups: backupsBefore,
  };
}

/**
 * Deleted rows linger in a database file's free space and in its write-ahead log until overwritten.
 * VACUUM rewrites the file from live rows only, and the checkpoint empties the log, so the erased
 * person's data is gone from the disk, not only from queries. It needs the library to itself: when
 * another program holds it open, the erasure still stands and `scrubbed` says the file was not rewritten.
 */
function scrubDatabaseFile(lib: Library): boolean {
  try {
    lib.db.exec('VACUUM');
    const [checkpoint] = lib.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    return checkpoint?.busy === 0;
  } catch {
    return false;
  }
}

/** What erasing would remove and keep, for the person asking to confirm. Changes nothing. */
export function previewErasure(lib: Library, personRef: string): ErasureSummary {
  const person = resolvePerson(lib, personRef);
  const ids = identifiersOf(lib, person);
  return summary(lib, person, redactions(lib, person, ids).length, freeTextChanges(createErasureRepository(lib.db), ids));
}

function originals(lib: Library, mediaIds: number[]): OriginalWithName[] {
  return mediaIds.flatMap((id) => {
    const m = lib.repos.media.get(id);
    return m ? [{ mediaId: id, name: m.name, path: contentPath(lib.paths.store, m.sha256, `.${m.ext}`) }] : [];
  });
}

/**
 * Erases a person (GDPR art. 17) in one transaction: the person becomes a tombstone without personal data;
 * their consent records go, except those a publication relied on (kept without note and evidence, with a
 * withdrawal appended so the register asks for takedown); faces tagged as them go back to unreviewed, so
 * their media are blocked until someone looks again; their face matching permission and reference
 * embeddings are deleted; their name becomes "[erased person]" in free text that stays (captions, doubts,
 * media names, embedded metadata; erase-free-text.ts); and audit entries lose their names, keeping ids. The
 * `person.erased` entry lists each redacted entry with its hash and the hash of its redacted form, so the
 * chain still verifies, and counts the replaced names per place. Originals whose embedded metadata names
 * them are listed, not rewritten (their checksum is their identity in the store and the register).
 */
export function erasePerson(lib: Library, ctx: RequestContext, personRef: string): ErasureResult {
  const person = resolvePerson(lib, personRef);
  const repo = createErasureRepository(lib.db);
  const result = lib.transaction((): Omit<ErasureResult, 'scrubbed'> => {
    const ids = identifiersOf(lib, person);
    const toRedact = redactions(lib, person, ids);
    const before = summary(lib, person, toRedact.length, freeTextChanges(repo, ids));
    const today = todayIso();
    const giver = requiredGiver(person, today);
    repo.tombstone(person.id);
    const consentDeleted = repo.deleteConsent(person.id);
    repo.clearKeptConsent(person.id);
    for (const channel of before.takedownChannels) {
      lib.repos.consent.append({
        personId: person.id, channel, status: 'withdrawn', givenBy: giver, givenOn: today, validUntil: null,
        evidence: null, note: null, source: 'manual', recordedBy: ctx.actor,
      });
    }
    const facesUntagged = repo.untagFaces(person.id);
    const suggestionsWithdrawn = repo.unsuggestFaces(person.id);
    const freeText = freeTextChanges(repo, ids);
    for (const c of freeText) repo.setText(c.place, c.key, c.text);
    const withName = mediaWithNameInOriginal(freeText);
    repo.deleteFaceMatching(person.id);
    const entry = lib.repos.audit.append(ctx.actor, erasureAction, `person:${person.id}`, {
      consentRecordsDeleted: consentDeleted,
      consentRecordsKept: before.consentRecordsKept,
      consentWithdrawn: before.takedownChannels,
      facesUntagged,
      suggestionsWithdrawn,
      referencesDeleted: before.references,
      freeTextReplaced: countsByPlace(freeText),
      originalsWithName: withName,
      redacted: toRedact.map(({ seq, hash, redactedHash }) => ({ seq, hash, redactedHash })),
    });
    for (const r of toRedact) repo.redactAuditDetails(r.seq, r.details);
    return { ...before, auditEntry: entry.seq, erasedAt: entry.at, freeTextReplaced: countsByPlace(freeText), originals: originals(lib, withName) };
  });
  const scrubbed = scrubDatabaseFile(lib);
  lib.events.emit('library.changed', { what: 'people' });
  lib.events.emit('library.changed', { what: 'consent' });
  lib.events.emit('library.changed', { what: 'faces' });
  if (Object.keys(result.freeTextReplaced).some((place) => place.startsWith('media'))) lib.events.emit('library.changed', { what: 'media' });
  return { ...result, scrubbed };
}
