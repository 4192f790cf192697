import type { z } from 'zod';
import type { AuditCheckpoint, AuditEntryView, AuditPage, AuditVerification, auditFilter } from '../../../shared/contract/audit';
import { addDays } from '../../../shared/domain/dates';
import { ClearFrameError } from '../../../shared/result';
import type { RequestContext } from '../api/context';
import type { AuditEntry } from '../db/repositories/audit-repository';
import { createAuditReadRepository, type AuditQuery } from '../db/repositories/audit-read-repository';
import type { Library } from '../library';
import { resolvePerson } from '../services/people-service';
import { assertCheckpointOf } from './checkpoint';
import { csvDocument } from './csv-cells';
import { verifyChain } from './verify-chain';

type Filter = z.output<typeof auditFilter>;

function toQuery(lib: Library, f: Filter): AuditQuery {
  if (f.from && f.to && f.to < f.from) throw new ClearFrameError('invalid_input', `The end day ${f.to} is before the start day ${f.from}.`);
  return {
    personId: f.person === undefined ? undefined : resolvePerson(lib, f.person).id,
    channel: f.channel,
    actor: f.actor,
    action: f.action,
    from: f.from,
    toExclusive: f.to === undefined ? undefined : addDays(f.to, 1),
  };
}

function parseDetails(details: string): unknown {
  try {
    return JSON.parse(details);
  } catch {
    return details;
  }
}

function views(lib: Library, entries: AuditEntry[]): AuditEntryView[] {
  const names = new Map<string, string | null>();
  const nameOf = (subject: string): string | null => {
    const m = /^person:(\d+)$/.exec(subject);
    if (!m) return null;
    if (!names.has(subject)) {
      const p = lib.repos.people.get(Number(m[1]));
      names.set(subject, p ? `${p.firstName} ${p.lastName}` : null);
    }
    return names.get(subject)!;
  };
  return entries.map((e) => ({
    seq: e.seq,
    at: e.at,
    actor: e.actor,
    action: e.action,
    subject: e.subject,
    subjectName: nameOf(e.subject),
    details: parseDetails(e.details),
    hash: e.hash,
  }));
}

export function listAudit(lib: Library, filter: Filter, order: 'newest' | 'oldest', offset: number, limit: number): AuditPage {
  const reader = createAuditReadRepository(lib.db);
  const query = toQuery(lib, filter);
  return { items: views(lib, reader.search(query, order, limit, offset)), total: reader.count(query) };
}

export function auditFacets(lib: Library): { actors: string[]; actions: string[] } {
  const reader = createAuditReadRepository(lib.db);
  return { actors: reader.actors(), actions: reader.actions() };
}

export function verifyAudit(lib: Library, checkpoint?: AuditCheckpoint): AuditVerification {
  if (checkpoint) assertCheckpointOf(lib, checkpoint);
  const { ok, entries, firstBad } = verifyChain(createAuditReadRepository(lib.db).inOrder(), checkpoint);
  return { ok, entries, firstBad };
}

const csvHeader = ['seq', 'at', 'actor', 'action', 'subject', 'subject_name', 'details', 'hash'];
const csvPage = 5000;

/** The export itself is an audit entry: a copy of the log with names in it has left the library. */
export function exportAuditCsv(lib: Library, ctx: RequestContext, filter: Filter): { csv: string; rows: number } {
  const reader = createAuditReadRepository(lib.db);
  const query = toQuery(lib, filter);
  const rows: (string | number | null)[][] = [];
  for (let offset = 0; ; offset += csvPage) {
    const page = views(lib, reader.search(query, 'oldest', csvPage, offset));
    for (const e of page) rows.push([e.seq, e.at, e.actor, e.action, e.subject, e.subjectName, JSON.stringify(e.details), e.hash]);
    if (page.length < csvPage) break;
  }
  lib.transaction(() => lib.repos.audit.append(ctx.actor, 'audit.exported', 'audit', { filter, rows: rows.length }));
  return { csv: csvDocument(csvHeader, rows), rows: rows.length };
}
