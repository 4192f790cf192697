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

function contentHash(row: AuditEntry): string | null {
  try {
    return hashAuditEntry(row);
  } catch {
    // A value edited into something JSON cannot hold (e.g. a blob) is as broken as a wrong hash.
    return null;
  }
}

/**
 * Recomputes the hash chain. Each entry must follow the one before it (seq + 1), name that entry's
 * hash as its previous hash, and hash to what it says: an edited row fails the last test, a deleted
 * row the first, an inserted or reordered row the second or third. A chain recomputed from scratch by
 * someone who knows the formula passes all three; only a checkpoint kept outside the library catches
 * that (and entries cut from the end), by naming an entry and hash the chain must still contain.
 */
export function verifyChain(rows: Iterable<AuditEntry>, checkpoint?: { seq: number; hash: string }): ChainReport {
  let entries = 0;
  let previous: AuditEntry | null = null;
  let firstBad: ChainReport['firstBad'] = null;
  for (const row of rows) {
    entries += 1;
    // Keep counting after the first break, so `entries` is the size of the log as it is now.
    firstBad ??= problemWith(row, previous, checkpoint);
    previous = row;
  }
  if (!firstBad && checkpoint && (previous?.seq ?? 0) < checkpoint.seq) {
    const last = previous?.seq ?? 0;
    firstBad = { seq: last + 1, fault: 'cut_off', reason: `The log ends at entry ${last}, but the checkpoint names entry ${checkpoint.seq}: entries were removed from the end.` };
  }
  return { ok: firstBad === null, entries, firstBad, head: previous && headOf(previous) };
}

function problemWith(row: AuditEntry, previous: AuditEntry | null, checkpoint?: { seq: number; hash: string }): ChainReport['firstBad'] {
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
  if (contentHash(row) !== row.hash) {
    return { seq: row.seq, fault: 'changed', reason: `Entry ${row.seq} was changed after it was written: its content no longer matches its hash.` };
  }
  if (checkpoint && row.seq === checkpoint.seq && row.hash !== checkpoint.hash) {
    return { seq: row.seq, fault: 'not_checkpoint', reason: `Entry ${row.seq} is not the entry the checkpoint names: the log was rewritten at or before this entry.` };
  }
  return null;
}

const headOf = (e: AuditEntry): ChainHead => ({ seq: e.seq, hash: e.hash, at: e.at });
