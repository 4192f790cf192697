import type { ExportReport } from '../../../shared/contract/export';
import type { RequestContext } from '../api/context';
import type { PublishedFile, PublishedPerson } from '../db/repositories/publication-repository';
import type { Library } from '../library';
import type { DecisionContext } from './check-service';
import type { Written } from './write-files';

/**
 * Completes a reserved publication with its files, who is visible in them (and the consent record
 * relied on) and who is blurred (and why), in the transaction that writes the export's audit entry.
 */
export function recordPublication(lib: Library, ctx: RequestContext, publicationId: number, decisions: DecisionContext, written: Written[], report: ExportReport): void {
  lib.transaction(() => {
    lib.repos.publications.complete(publicationId, written.map(publishedFile), written.flatMap(publishedPeople));
    lib.repos.audit.append(ctx.actor, 'export', `publication:${publicationId}`, {
      channel: decisions.channel.key,
      identity: decisions.identity!.key,
      date: decisions.date,
      files: written.map((w) => ({ media: w.item.media.id, file: w.item.finalPath, sha256: w.sha256, decision: w.item.decision.decision, blurred: w.blurred })),
      blocked: report.blocked.map((b) => ({ media: b.mediaId, reasons: b.reasons.map((r) => r.code) })),
      failed: report.failed.map((f) => ({ media: f.mediaId, error: f.error })),
    });
  });
}

function publishedFile(w: Written): PublishedFile {
  const d = w.item.decision;
  return {
    index: w.item.index,
    mediaId: w.item.media.id,
    fileName: w.item.finalPath,
    sha256: w.sha256,
    decision: d.decision,
    removedAudio: d.removeAudio,
    details: JSON.stringify({
      visible: d.visible,
      redactions: d.decision === 'redact' ? d.redactions.map((r) => ({ face: r.faceId, person: r.personId, code: r.reason.code })) : [],
    }),
  };
}

function publishedPeople(w: Written): PublishedPerson[] {
  const d = w.item.decision;
  const visible = d.visible.map((v): PublishedPerson => ({ fileIndex: w.item.index, personId: v.personId, shown: 'visible', consentRecordId: v.consentRecordId, reason: null }));
  const blurred = (d.decision === 'redact' ? d.redactions : []).flatMap((r): PublishedPerson[] =>
    r.personId === null ? [] : [{ fileIndex: w.item.index, personId: r.personId, shown: 'blurred', consentRecordId: null, reason: r.reason.code }],
  );
  return [...visible, ...blurred];
}

/** An export that wrote nothing is audited too: who tried to publish what, and why it did not go. */
export function auditNothingWritten(lib: Library, ctx: RequestContext, decisions: DecisionContext, report: ExportReport): void {
  lib.transaction(() =>
    lib.repos.audit.append(ctx.actor, 'export.nothing_written', `channel:${decisions.channel.key}`, {
      identity: decisions.identity!.key,
      date: decisions.date,
      blocked: report.blocked.map((b) => ({ media: b.mediaId, reasons: b.reasons.map((r) => r.code) })),
      failed: report.failed.map((f) => ({ media: f.mediaId, error: f.error })),
    }),
  );
}
