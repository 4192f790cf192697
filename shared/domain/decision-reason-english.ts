import type { ConsentGiver } from '../types';
import type { ConsentReasonParams, FaceReasonParams } from './decision-reasons';

/**
 * The English sentences of reasons, for the CLI, its JSON and the audit: scripts read them, so they only change
 * on purpose. The UI says the same reasons in the user's language from their params (renderer reason-text.ts).
 */

const giverWords: Record<ConsentGiver, string> = {
  guardian: 'the guardian',
  pupil: 'the pupil personally',
  self: 'the member of staff',
};

/** The English sentence of a face reason, for the CLI and the audit. */
export function faceReasonMessage(reason: FaceReasonParams): string {
  switch (reason.code) {
    case 'unknown_face':
      return 'A face has not been reviewed, so nobody knows who it is.';
    case 'unknown_person':
      return `A face is tagged with a person (id ${reason.params.personId ?? 'none'}) who is not in the library.`;
    case 'suggested_not_confirmed':
      return reason.params.person
        ? `A face was recognised as ${reason.params.person}, but nobody has confirmed it.`
        : 'A face was recognised as someone, but nobody has confirmed it.';
    default:
      return consentMessage(reason);
  }
}

function consentMessage(reason: ConsentReasonParams): string {
  const { person: name, channel } = reason.params;
  switch (reason.code) {
    case 'no_record':
      return `${name} has no recorded consent for ${channel}.`;
    case 'refused':
      return `Consent for ${name} on ${channel} was refused on ${reason.params.date}.`;
    case 'withdrawn':
      return `Consent for ${name} on ${channel} was withdrawn on ${reason.params.date}.`;
    case 'expired':
      return `Consent for ${name} on ${channel} expired on ${reason.params.date}.`;
    case 'needs_pupil':
      return (
        `${name} is 16 or older since ${reason.params.date}: ` +
        `the guardian's consent for ${channel} no longer counts and ${name}'s own is needed.`
      );
    case 'invalid_giver':
      return (
        `Consent for ${name} on ${channel} was given by ${giverWords[reason.params.giver]}, ` +
        `but only ${giverWords[reason.params.requiredGiver]} may give it.`
      );
  }
}

/** The English action that lifts a face reason when blurring is not an option. */
export function faceReasonFix(reason: FaceReasonParams): string {
  switch (reason.code) {
    case 'unknown_face':
      return 'Review the face: tag the person, or mark it not identifiable or not a face.';
    case 'unknown_person':
      return 'Tag the face again with a person from the library, or mark it not identifiable.';
    case 'suggested_not_confirmed':
      return 'Confirm or correct the suggested person in the review queue.';
    case 'refused':
    case 'withdrawn':
      return (
        `Choose media in which ${reason.params.person} is absent or small enough to blur; ` +
        `only a new consent from ${giverWords[reason.params.requiredGiver]} for ${reason.params.channel} would allow this one.`
      );
    default:
      return (
        `Record valid consent for ${reason.params.person} on ${reason.params.channel} from ${giverWords[reason.params.requiredGiver]}, ` +
        'or choose media in which they are absent or small enough to blur.'
      );
  }
}

export function percent(share: number): string {
  return `${Math.round(share * 1000) / 10} %`;
}
