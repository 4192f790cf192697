import type { Db } from '../connection';
import type { AuditEntry } from './audit-repository';

/** What an auditor narrows the log to. Days are UTC calendar days, as `at` is stored in UTC. */
export interface AuditQuery {
  /** An entry concerns a person when its subject is `person:<id>` or a person field in its details holds their id (migration 9). */
  personId?: number;
  /** An entry concerns a channel when its subject is `channel:<key>` or its details carry `channel`. */
  channel?: string;
  actor?: string;
  /** `consent` matches `consent` and every `consent.…` action. */
  action?: string;
  from?: string;
  /** Inclusive: the first instant after this day, to compare with `at`. */
  toExclusive?: string;
}

const columns = 'seq, at, actor, action, subject, details, prev_hash AS prevHash, hash';

function where(q: AuditQuery): { sql: string; params: Record<string, unknown> } {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  if (q.personId !== undefined) {
    // audit_people (migration 9) holds this rule as an index.
    parts.push('seq IN (SELECT seq FROM audit_people WHERE person_id = @personId)');
    params.personId = q.personId;
  }
  if (q.channel !== undefined) {
    parts.push(`(subject = @channelSubject OR (json_valid(details) AND json_extract(details, '$.channel') = @channel))`);
    Object.assign(params, { channelSubject: `channel:${q.channel}`, channel: q.channel });
  }
  if (q.actor !== undefined) {
    parts.push('actor = @actor');
    params.actor = q.actor;
  }
  if (q.action !== undefined) {
    parts.push(`(action = @action OR action LIKE @actionPrefix ESCAPE '\\')`);
    Object.assign(params, { action: q.action, actionPrefix: `${q.action.replace(/[\\%_]/g, (c) => `\\${c}`)}.%` });
  }
  if (q.from !== undefined) {
    parts.push('at >= @from');
    params.from = q.from;
  }
  if (q.toExclusive !== undefined) {
    parts.push('at < @toExclusive');
    params.toExclusive = q.toExclusive;
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/**
 * Reads the audit log for verification and for auditors. Writing stays in the audit repository, so the
 * one place that appends is the one place that hashes. Rows are returned as stored, even when someone
 * edited them into nonsense: verification must see exactly what is on disk.
 */
export function createAuditReadRepository(db: Db) {
  const inOrder = db.prepare<[], AuditEntry>(`SELECT ${columns} FROM audit_log ORDER BY seq`);
  const head = db.prepare<[], { seq: number; hash: string; at: string }>('SELECT seq, hash, at FROM audit_log ORDER BY seq DESC LIMIT 1');
  const actors = db.prepare<[], string>('SELECT DISTINCT actor FROM audit_log ORDER BY actor').pluck();
  const actions = db.prepare<[], string>('SELECT DISTINCT action FROM audit_log ORDER BY action').pluck();
  const removedProfile = db.prepare<[string], number>(
    `SELECT 1 FROM audit_log WHERE action = 'user.removed' AND json_valid(details) AND json_extract(details, '$.name') = ? LIMIT 1`,
  ).pluck();
  return {
    /** Streams every row oldest first without holding the log in memory. */
    inOrder: (): IterableIterator<AuditEntry> => inOrder.iterate(),
    head: () => head.get(),
    search(q: AuditQuery, order: 'newest' | 'oldest', limit: number, offset: number): AuditEntry[] {
      const w = where(q);
      const sql = `SELECT ${columns} FROM audit_log ${w.sql} ORDER BY seq ${order === 'newest' ? 'DESC' : 'ASC'} LIMIT @limit OFFSET @offset`;
      return db.prepare(sql).all({ ...w.params, limit, offset }) as AuditEntry[];
    },
    count(q: AuditQuery): number {
      const w = where(q);
      return (db.prepare(`SELECT COUNT(*) AS n FROM audit_log ${w.sql}`).get(w.params) as { n: number }).n;
    },
    actors: (): string[] => actors.all(),
    actions: (): string[] => actions.all(),
    /** Whether a profile of this name existed and was removed: the log names people by profile name. */
    wasRemovedProfile: (name: string): boolean => removedProfile.get(name) !== undefined,
  };
}

export type AuditReadRepository = ReturnType<typeof createAuditReadRepository>;
