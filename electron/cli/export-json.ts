import type { BlockedMedia, CheckedMedia, ExportReport, MediaMarksView, Publication, PublicationPerson } from '../../shared/contract/export';

/**
 * The JSON of the export commands: a public interface that outside checks script against, mapped
 * field by field (snake_case) so a rename inside the core never changes what scripts read.
 */

export function checkJson(c: CheckedMedia) {
  const d = c.decision;
  return {
    media: c.mediaId,
    decision: d.decision,
    redactions: d.decision === 'redact' ? d.redactions.map((r) => ({ face: r.faceId, reason: r.reason.code })) : [],
    reasons: d.decision === 'blocked' ? d.reasons.map((r) => ({ code: r.code, message: r.message })) : [],
  };
}

const blockedJson = (b: BlockedMedia) => ({ media: b.mediaId, reasons: b.reasons.map((r) => ({ code: r.code, message: r.message, fix: r.fix })) });

export function exportJson(r: ExportReport) {
  return {
    exported: r.exported.map((e) => ({ media: e.mediaId, file: e.file, sha256: e.sha256, blurred: e.blurred })),
    blocked: r.blocked.map(blockedJson),
  };
}

/** A person as scripts know them: the school's external id, or ClearFrame's id when there is none. */
const personKey = (p: PublicationPerson) => p.externalId ?? p.personId;

export function publicationJson(p: Publication) {
  return {
    id: p.id,
    created_at: p.createdAt,
    by: p.by,
    channel: p.channel,
    identity: p.identity,
    files: p.files.map((f) => ({ media: f.mediaId, file: f.file, sha256: f.sha256 })),
    visible: p.visible.map(personKey),
    blurred: p.blurred.map(personKey),
    take_down: p.takeDown,
  };
}

export function marksJson(m: MediaMarksView) {
  const p = m.thirdPartyPermission;
  return {
    media: m.mediaId,
    confidential: m.confidential,
    not_for_publication: m.notForPublication,
    audio_rights: m.audioRights,
    permission: p && { channels: p.channels, until: p.until, evidence: p.evidence },
  };
}
