import type { ConsentGiver } from '../types';
import type { ConsentEvaluation } from './consent';
import { ownConsentFrom } from './consent';
import type { DecisionChannel, DecisionPerson } from './decision-input';

/**
 * Reasons carry a stable code (the UI translates it) and an English sentence for the CLI and the audit.
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

export interface RedactionReason {
  code: RedactionCode;
  message: string;
}

export interface BlockReason {
  code: BlockCode;
  message: string;
  /** The action that would lift this reason. */
  fix: string;
  /** The faces this reason is about (a video track has one face per sampled frame). */
  faceIds?: number[];
  personId?: number;
}

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

const giverWords: Record<ConsentGiver, string> = {
  guardian: 'the guardian',
  pupil: 'the pupil personally',
  self: 'the member of staff',
};

export function faceProblemMessage(problem: FaceProblem, channel: DecisionChannel): string {
  switch (problem.code) {
    case 'unknown_face':
      return 'A face has not been reviewed, so nobody knows who it is.';
    case 'unknown_person':
      return `A face is tagged with a person (id ${problem.personId ?? 'none'}) who is not in the library.`;
    case 'suggested_not_confirmed':
      return problem.suggested
        ? `A face was recognised as ${fullName(problem.suggested)}, but nobody has confirmed it.`
        : 'A face was recognised as someone, but nobody has confirmed it.';
    default:
      return consentMessage(problem.code, problem.person, problem.evaluation, channel);
  }
}

function consentMessage(
  code: ConsentRedactionCode,
  person: DecisionPerson,
  evaluation: ConsentEvaluation,
  channel: DecisionChannel,
): string {
  const name = fullName(person);
  const record = evaluation.record;
  switch (code) {
    case 'no_record':
      return `${name} has no recorded consent for ${channel.name}.`;
    case 'refused':
      return `Consent for ${name} on ${channel.name} was refused on ${record?.givenOn}.`;
    case 'withdrawn':
      return `Consent for ${name} on ${channel.name} was withdrawn on ${record?.givenOn}.`;
    case 'expired':
      return `Consent for ${name} on ${channel.name} expired on ${record?.validUntil}.`;
    case 'needs_pupil':
      return (
        `${name} is 16 or older since ${ownConsentFrom(person)}: ` +
        `the guardian's consent for ${channel.name} no longer counts and ${name}'s own is needed.`
      );
    case 'invalid_giver':
      return (
        `Consent for ${name} on ${channel.name} was given by ${giverWords[record?.givenBy ?? 'guardian']}, ` +
        `but only ${giverWords[evaluation.requiredGiver]} may give it.`
      );
  }
}

/** The action that lifts a face problem when blurring is not an option. */
export function faceProblemFix(problem: FaceProblem, channel: DecisionChannel): string {
  switch (problem.code) {
    case 'unknown_face':
      return 'Review the face: tag the person, or mark it not identifiable or not a face.';
    case 'unknown_person':
      return 'Tag the face again with a person from the library, or mark it not identifiable.';
    case 'suggested_not_confirmed':
      return 'Confirm or correct the suggested person in the review queue.';
    case 'refused':
    case 'withdrawn':
      return (
        `Choose media in which ${fullName(problem.person)} is absent or small enough to blur; ` +
        `only a new consent from ${giverWords[problem.evaluation.requiredGiver]} for ${channel.name} would allow this one.`
      );
    default:
      return (
        `Record valid consent for ${fullName(problem.person)} on ${channel.name} from ${giverWords[problem.evaluation.requiredGiver]}, ` +
        'or choose media in which they are absent or small enough to blur.'
      );
  }
}

export function percent(share: number): string {
  return `${Math.round(share * 1000) / 10} %`;
}
