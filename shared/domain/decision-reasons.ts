import type { ConsentGiver, IsoDate } from '../types';
import type { ConsentEvaluation } from './consent';
import { ownConsentFrom } from './consent';
import type { DecisionChannel, DecisionPerson } from './decision-input';

/**
 * Reasons carry a stable code with the values their sentence needs (the UI says it in the user's language) and
 * an English sentence for the CLI and the audit.
 * Codes are a closed list; the order of `blockCodes` is also the order in which reasons are listed.
 */
export const consentRedactionCodes = ['no_record', 'refused', 'withdrawn', 'expired', 'needs_pupil', 'invalid_giver'] as const;
export type ConsentRedactionCode = (typeof consentRedactionCodes)[number];

export const unresolvedFaceCodes = ['unknown_face', 'suggested_not_confirmed', 'unknown_person'] as const;

export const redactionCodes = [...consentRedactionCodes, ...unresolvedFaceCodes] as const;
export type RedactionCode = (typeof redactionCodes)[number];

export const blockCodes = [
  'not_for_publication',
  'confidential',
  'open_doubt',
  'faces_not_detected',
  ...unresolvedFaceCodes,
  'face_too_large',
  'rights_unknown',
  'rights_third_party',
  'rights_no_derivatives',
  'audio_rights',
  'not_official_channel',
] as const;
export type BlockCode = (typeof blockCodes)[number];

/** Who gave (or must give) a consent, as the reasons name them. */
type ConsentParams = { person: string; channel: string; requiredGiver: ConsentGiver };

/**
 * The values a reason's sentence is made of, per code: the UI says the sentence in the user's language from
 * these, and the English `message` and `fix` (for the CLI and the audit) are built from the same values.
 * Dates are ISO days and shares fractions of the frame, so each language formats them its own way.
 */
export type ConsentReasonParams =
  | { code: 'no_record'; params: ConsentParams }
  | { code: 'refused' | 'withdrawn' | 'expired' | 'needs_pupil'; params: ConsentParams & { date: IsoDate } }
  | { code: 'invalid_giver'; params: ConsentParams & { giver: ConsentGiver } };

export type UnresolvedReasonParams =
  | { code: 'unknown_face'; params: Record<string, never> }
  | { code: 'unknown_person'; params: { personId: number | null } }
  /** `person` is null when the suggested person is not in the library (any more). */
  | { code: 'suggested_not_confirmed'; params: { person: string | null } };

export type FaceReasonParams = ConsentReasonParams | UnresolvedReasonParams;

/** How a third party's permission falls short: missing, not for this channel, or ended on `until`. */
export type PermissionGap = { permission: 'missing' } | { permission: 'other_channels' } | { permission: 'ended'; until: IsoDate };

export type MediaReasonParams =
  | { code: 'not_for_publication'; params: { note: string } }
  | { code: 'confidential' | 'faces_not_detected' | 'rights_no_derivatives'; params: Record<string, never> }
  | { code: 'open_doubt'; params: { question: string } }
  | { code: 'rights_unknown'; params: { channel: string } }
  /** `holder` is null when nobody recorded who holds the rights; `date` is the day the permission must reach. */
  | { code: 'rights_third_party'; params: { holder: string | null; channel: string; date: IsoDate } & PermissionGap }
  | { code: 'audio_rights'; params: { channel: string; sound: 'other' | 'unknown' } }
  | { code: 'not_official_channel'; params: { channel: string; identity: string } };

/** A face that may not be shown and may not be blurred either, because it covers too much of the frame. */
export type FaceTooLargeParams = { code: 'face_too_large'; params: { cause: FaceReasonParams; share: number; maxShare: number } };

export type BlockReasonParams = MediaReasonParams | UnresolvedReasonParams | FaceTooLargeParams;

export type RedactionReason = FaceReasonParams & { message: string };

export type BlockReason = BlockReasonParams & {
  message: string;
  /** The action that would lift this reason. */
  fix: string;
  /** The faces this reason is about (a video track has one face per sampled frame). */
  faceIds?: number[];
  personId?: number;
};

/** Why one face may not be shown as it is; `decide` turns it into a blur or a block. */
export type UnresolvedFaceProblem =
  | { code: 'unknown_face' }
  | { code: 'unknown_person'; personId: number | null }
  | { code: 'suggested_not_confirmed'; suggested: DecisionPerson | null };
export type ConsentProblem = { code: ConsentRedactionCode; person: DecisionPerson; evaluation: ConsentEvaluation };
export type FaceProblem = UnresolvedFaceProblem | ConsentProblem;

function fullName(person: DecisionPerson): string {
  return `${person.firstName} ${person.lastName}`.trim();
}


export function unresolvedReasonParams(problem: UnresolvedFaceProblem): UnresolvedReasonParams {
  switch (problem.code) {
    case 'unknown_face':
      return { code: 'unknown_face', params: {} };
    case 'unknown_person':
      return { code: 'unknown_person', params: { personId: problem.personId } };
    case 'suggested_not_confirmed':
      return { code: 'suggested_not_confirmed', params: { person: problem.suggested && fullName(problem.suggested) } };
  }
}

function consentReasonParams({ code, person, evaluation }: ConsentProblem, channel: DecisionChannel): ConsentReasonParams {
  const base = { person: fullName(person), channel: channel.name, requiredGiver: evaluation.requiredGiver };
  const record = evaluation.record;
  switch (code) {
    case 'no_record':
      return { code, params: base };
    case 'refused':
    case 'withdrawn':
      return { code, params: { ...base, date: record?.givenOn ?? '' } };
    case 'expired':
      return { code, params: { ...base, date: record?.validUntil ?? '' } };
    case 'needs_pupil':
      return { code, params: { ...base, date: ownConsentFrom(person) ?? '' } };
    case 'invalid_giver':
      return { code, params: { ...base, giver: record?.givenBy ?? 'guardian' } };
  }
}

export function faceReasonParams(problem: FaceProblem, channel: DecisionChannel): FaceReasonParams {
  return 'person' in problem ? consentReasonParams(problem, channel) : unresolvedReasonParams(problem);
}
