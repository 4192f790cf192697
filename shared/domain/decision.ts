import type { ConsentRecord } from '../types';
import type { DecisionFace, DecisionInput } from './decision-input';
import { boxShare } from './decision-face-box';
import type { FaceContext } from './decision-faces';
import { faceVerdict } from './decision-faces';
import { mediaVerdict, noDerivativesReason } from './decision-media';
import type { BlockReason, FaceProblem, RedactionReason } from './decision-reasons';
import { faceReasonFix, faceReasonMessage, percent } from './decision-reason-english';
import { blockCodes, faceReasonParams, unresolvedReasonParams } from './decision-reasons';

export const decisionKinds = ['publishable', 'redact', 'blocked'] as const;
export type DecisionKind = (typeof decisionKinds)[number];

/** A person shown unblurred, and the consent record that allows it (for the publication register). */
export interface VisibleFace {
  faceId: number;
  personId: number;
  consentRecordId: number;
}

export interface Redaction {
  faceId: number;
  trackId: number | null;
  /** The confirmed person, when the face has one. */
  personId: number | null;
  reason: RedactionReason;
}

export type Decision =
  | { decision: 'publishable'; visible: VisibleFace[]; removeAudio: boolean }
  | { decision: 'redact'; redactions: Redaction[]; visible: VisibleFace[]; removeAudio: boolean }
  /** Never empty: a blocked decision always says why. */
  | { decision: 'blocked'; reasons: [BlockReason, ...BlockReason[]] };

/**
 * May this media go to this channel for this identity on this date, and what must be blurred?
 * Pure: the same input (in any order) always gives the same decision, which drives the library badges,
 * the export and the audit alike.
 */
export function decide(input: DecisionInput): Decision {
  const ctx: FaceContext = {
    people: new Map(input.people.map((p) => [p.id, p])),
    historyByPerson: groupByPerson(input.consentHistory),
    channel: input.channel,
    date: input.date,
    policy: input.policy,
  };
  const media = mediaVerdict(input);
  const reasons = [...media.reasons];
  const visible: VisibleFace[] = [];
  const redactions: Redaction[] = [];
  const faceBlocks = new Map<string, BlockReason>();

  for (const face of [...input.faces].sort((a, b) => a.id - b.id)) {
    const verdict = faceVerdict(face, ctx);
    if (verdict.kind === 'ignored') continue;
    if (verdict.kind === 'visible') {
      visible.push({ faceId: face.id, personId: verdict.personId, consentRecordId: verdict.consentRecordId });
      continue;
    }
    const { problem } = verdict;
    const cause = faceReasonParams(problem, input.channel);
    const message = faceReasonMessage(cause);
    const share = boxShare(face.box);
    if (verdict.blurAllowed && share <= input.policy.maxBlurShare) {
      const reason: RedactionReason = { ...cause, message };
      redactions.push({ faceId: face.id, trackId: face.trackId, personId: personOf(problem), reason });
      continue;
    }
    const maxShare = input.policy.maxBlurShare;
    const block: BlockReason = verdict.blurAllowed
      ? {
          code: 'face_too_large',
          params: { cause, share, maxShare },
          message: `${message} The face covers ${percent(share)} of the frame, more than the ${percent(maxShare)} that may be blurred.`,
          fix: faceReasonFix(cause),
        }
      : { ...unresolvedReasonParams(verdict.problem), message, fix: faceReasonFix(cause) };
    addFaceBlock(faceBlocks, block, face, problem);
  }

  reasons.push(...faceBlocks.values());
  const nd = noDerivativesReason(input.media, redactions.length > 0);
  if (nd) reasons.push(nd);

  const [first, ...rest] = sortReasons(reasons);
  if (first) return { decision: 'blocked', reasons: [first, ...rest] };
  if (redactions.length > 0) return { decision: 'redact', redactions, visible, removeAudio: media.removeAudio };
  return { decision: 'publishable', visible, removeAudio: media.removeAudio };
}

function groupByPerson(history: readonly ConsentRecord[]): Map<number, ConsentRecord[]> {
  const byPerson = new Map<number, ConsentRecord[]>();
  for (const record of history) {
    const list = byPerson.get(record.personId);
    if (list) list.push(record);
    else byPerson.set(record.personId, [record]);
  }
  return byPerson;
}

function personOf(problem: FaceProblem): number | null {
  return 'person' in problem ? problem.person.id : null;
}

/** One reason per person or track and code: a video track has a face row for every sampled frame. */
function addFaceBlock(blocks: Map<string, BlockReason>, block: BlockReason, face: DecisionFace, problem: FaceProblem): void {
  const personId = personOf(problem);
  const subject = personId !== null ? `p${personId}` : face.trackId !== null ? `t${face.trackId}` : `f${face.id}`;
  const key = `${block.code}:${subject}`;
  const existing = blocks.get(key);
  if (existing) {
    existing.faceIds?.push(face.id);
    return;
  }
  blocks.set(key, personId === null ? { ...block, faceIds: [face.id] } : { ...block, faceIds: [face.id], personId });
}

function sortReasons(reasons: BlockReason[]): BlockReason[] {
  const rank = (r: BlockReason) => blockCodes.indexOf(r.code);
  const firstFace = (r: BlockReason) => r.faceIds?.[0] ?? -1;
  return reasons.sort((a, b) => rank(a) - rank(b) || firstFace(a) - firstFace(b));
}
