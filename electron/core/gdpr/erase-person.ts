import type { ErasureResult, ErasureSummary } from '../../../shared/contract/gdpr';
import { requiredGiver } from '../../../shared/domain/consent';
import { todayIso } from '../../../shared/domain/dates';
import type { Person } from '../../../shared/types';
import type { RequestContext } from '../api/context';
import { erasureAction } from '../audit/verify-chain';
import { listBackups } from '../backup/list-backups';
import { hashAuditEntry } from '../db/repositories/audit-repository';
import { createErasureRepository } from '../db/repositories/erasure-repository';
import type { Library } from '../library';
import { resolvePerson } from '../services/people-service';
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

function summary(lib: Library, person: Person, toRedact: number): ErasureSummary {
  const repo = createErasureRepository(lib.db);
  const backupsBefore = listBackups(lib.paths.backups).length;
  return {
    person: { id: person.id, externalId: person.externalId, name: `${person.firstName} ${person.lastName}` },
    ...repo.counts(person.id),
    takedownChannels: repo.shownChannels(person.id),
    auditEntriesToRedact: toRedact,
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
  return summary(lib, person, redactions(lib, person, identifiersOf(lib, person)).length);
}

/**
 * Erases a person (GDPR art. 17) in one transaction: the person becomes a tombstone without personal data;
 * their consent records go, except those a publication relied on (kept without note and evidence, with a
 * withdrawal appended so the register asks for takedown); faces tagged as them go back to unreviewed, so
 * their media are blocked until someone looks again; their face matching permission and reference
 * embeddings are deleted; and audit entries lose their names, keeping ids. The `person.erased` entry lists
 * each redacted entry with its hash and the hash of its redacted form, so the chain still verifies.
 */
export function erasePerson(lib: Library, ctx: RequestContext, personRef: string): ErasureResult {
  const person = resolvePerson(lib, personRef);
  const repo = createErasureRepository(lib.db);
  const result = lib.transaction((): Omit<ErasureResult, 'scrubbed'> => {
    const ids = identifiersOf(lib, person);
    const toRedact = redactions(lib, person, ids);
    const before = summary(lib, person, toRedact.length);
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
    for (const name of ids.fullNames) repo.clearImportedName(name);
    repo.deleteFaceMatching(person.id);
    const entry = lib.repos.audit.append(ctx.actor, erasureAction, `person:${person.id}`, {
      consentRecordsDeleted: consentDeleted,
      consentRecordsKept: before.consentRecordsKept,
      consentWithdrawn: before.takedownChannels,
      facesUntagged,
      suggestionsWithdrawn,
      referencesDeleted: before.references,
      redacted: toRedact.map(({ seq, hash, redactedHash }) => ({ seq, hash, redactedHash })),
    });
    for (const r of toRedact) repo.redactAuditDetails(r.seq, r.details);
    return { ...before, auditEntry: entry.seq };
  });
  const scrubbed = scrubDatabaseFile(lib);
  lib.events.emit('library.changed', { what: 'people' });
  lib.events.emit('library.changed', { what: 'consent' });
  lib.events.emit('library.changed', { what: 'faces' });
  return { ...result, scrubbed };
}
