import { createHash } from 'node:crypto';
import type { Db } from '../connection';

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  details: string;
  prevHash: string;
  hash: string;
}

export const genesisHash = '0'.repeat(64);

export function hashAuditEntry(e: Omit<AuditEntry, 'hash'>): string {
  return createHash('sha256')
    .update(JSON.stringify([e.seq, e.at, e.actor, e.action, e.subject, e.details, e.prevHash]))
    .digest('hex');
}

/**
 * The audit log is a hash chain: each entry's hash covers its content and the previous hash,
 * so an edited, deleted or inserted row breaks every hash after it. Callers append inside the
 * same transaction as the change they record.
 */
export function createAuditRepository(db: Db) {
  const last = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const insert = db.prepare(
    'INSERT INTO audit_log (seq, at, actor, action, subject, details, prev_hash, hash) VALUES (@seq, @at, @actor, @action, @subject, @details, @prevHash, @hash)',
  );
  const list = db.prepare<[number, number], Record<string, unknown>>(
    'SELECT seq, at, actor, action, subject, details, prev_hash AS prevHash, hash FROM audit_log ORDER BY seq LIMIT ? OFFSET ?',
  );
  return {
    append(actor: string, action: string, subject: string, details: unknown = {}): AuditEntry {
      const head = last.get();
      const entry: Omit<AuditEntry, 'hash'> = {
        seq: (head?.seq ?? 0) + 1,
        at: new Date().toISOString(),
        actor,
        action,
        subject,
        details: JSON.stringify(details),
        prevHash: head?.hash ?? genesisHash,
      };
      const full = { ...entry, hash: hashAuditEntry(entry) };
      insert.run(full);
      return full;
    },
    list(limit = 1000, offset = 0): AuditEntry[] {
      return list.all(limit, offset) as unknown as AuditEntry[];
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
