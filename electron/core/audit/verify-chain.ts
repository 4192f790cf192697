import { genesisHash, hashAuditEntry, type AuditEntry } from '../db/repositories/audit-repository';

export interface ChainHead {
  seq: number;
  hash: string;
  at: string;
}

/** What was wrong with the first bad entry, for a UI to say in its own words. */
export type ChainFault = 'out_of_order' | 'missing' | 'unlinked' | 'changed' | 'not_checkpoint' | 'cut_off';

export interface ChainReport {
  ok: boolean;
  entries: number;
  firstBad: { seq: number; fault: ChainFault; reason: string } | null;
  /** The last entry read, whether or not the chain held up to it. */
  head: ChainHead | null;
}

function hashOf(row: AuditEntry): string | null {
  try {
    return hashAuditEntry(row);
  } catch {
    // A value edited into something JSON cannot hold (e.g. a blob) is as broken as a wrong hash.
    return null;
  }
}

/**
 * The action of an erasure (GDPR): the one entry that may vouch for a change to earlier entries. Its
 * details list `redacted: [{seq, hash, redactedHash}]`: each entry whose details it replaced, the hash
 * the entry kept, and the hash of the entry as redacted (migration 8 lets only such an entry's update through).
 */
export const erasureAction = 'person.erased';

interface Unexplained {
  hash: string;
  contentHash: string | null;
}

/** Entries whose content changed, vouched for by an erasure entry that names their hash and redacted form. */
function explainRedactions(erasure: AuditEntry, unexplained: Map<number, Unexplained>): void {
  let claims: unknown;
  try {
    claims = (JSON.parse(erasure.details) as { redacted?: unknown }).redacted;
  } catch {
    return;
  }
  if (!Array.isArray(claims)) return;
  for (const c of claims as { seq?: unknown; hash?: unknown; redactedHash?: unknown }[]) {
    const open = typeof c?.seq === 'number' ? unexplained.get(c.seq) : undefined;
    if (open && open.hash === c.hash && open.contentHash === c.redactedHash) unexplained.delete(c.seq as number);
  }
}

/**
 * Recomputes the hash chain. Each entry must follow the one before it (seq + 1), name that entry's
 * hash as its previous hash, and hash to what it says: an edited row fails the last test, a deleted
 * row the first, an inserted or reordered row the second or third. A chain recomputed from scratch by
 * someone who knows the formula passes all three; only a checkpoint kept outside the library catches
 * that (and entries cut from the end), by naming an entry and hash the chain must still contain.
 * The one allowed change is an erasure's redaction: an entry that no longer hashes to its hash passes
 * when a later, intact erasure entry names it with that hash and with the hash of its content as it is now.
 */
export function verifyChain(rows: Iterable<AuditEntry>, checkpoint?: { seq: number; hash: string }): ChainReport {
  let entries = 0;
  let previous: AuditEntry | null = null;
  let firstBad: ChainReport['firstBad'] = null;
  const unexplained = new Map<number, Unexplained>();
  for (const row of rows) {
    entries += 1;
    // Keep counting after the first break, so `entries` is the size of the log as it is now.
    const broken = linkProblem(row, previous);
    const contentHash = broken ? null : hashOf(row);
    if (!broken && contentHash !== row.hash) unexplained.set(row.seq, { hash: row.hash, contentHash });
    firstBad ??= broken ?? checkpointProblem(row, checkpoint);
    if (!broken && contentHash === row.hash && row.action === erasureAction) explainRedactions(row, unexplained);
    previous = row;
  }
  const changed = Math.min(...unexplained.keys());
  if (unexplained.size > 0 && (firstBad === null || changed < firstBad.seq)) {
    firstBad = { seq: changed, fault: 'changed', reason: `Entry ${changed} was changed after it was written: its content no longer matches its hash.` };
  }
  if (!firstBad && checkpoint && (previous?.seq ?? 0) < checkpoint.seq) {
    const last = previous?.seq ?? 0;
    firstBad = { seq: last + 1, fault: 'cut_off', reason: `The log ends at entry ${last}, but the checkpoint names entry ${checkpoint.seq}: entries were removed from the end.` };
  }
  return { ok: firstBad === null, entries, firstBad, head: previous && headOf(previous) };
}

function linkProblem(row: AuditEntry, previous: AuditEntry | null): ChainReport['firstBad'] {
  const expectedSeq = (previous?.seq ?? 0) + 1;
  if (row.seq < expectedSeq) {
    return { seq: row.seq, fault: 'out_of_order', reason: `Entry ${row.seq} is out of place: entries are numbered from 1 upwards.` };
  }
  if (row.seq > expectedSeq) {
    const where = previous ? `goes from entry ${previous.seq} to entry ${row.seq}` : `starts at entry ${row.seq}`;
    return { seq: expectedSeq, fault: 'missing', reason: `Entry ${expectedSeq} is missing: the log ${where}.` };
  }
  if (row.prevHash !== (previous?.hash ?? genesisHash)) {
    return { seq: row.seq, fault: 'unlinked', reason: `Entry ${row.seq} does not link to the entry before it: an entry was removed, inserted or moved here.` };
  }
  return null;
}

function checkpointProblem(row: AuditEntry, checkpoint?: { seq: number; hash: string }): ChainReport['firstBad'] {
  if (checkpoint && row.seq === checkpoint.seq && row.hash !== checkpoint.hash) {
    return { seq: row.seq, fault: 'not_checkpoint', reason: `Entry ${row.seq} is not the entry the checkpoint names: the log was rewritten at or before this entry.` };
  }
  return null;
}

const headOf = (e: AuditEntry): ChainHead => ({ seq: e.seq, hash: e.hash, at: e.at });
