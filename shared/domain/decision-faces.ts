import type { ConsentRecord, IsoDate } from '../types';
import type { ConsentState } from './consent';
import { evaluateConsent, isConsentValid } from './consent';
import type { DecisionChannel, DecisionFace, DecisionPerson } from './decision-input';
import type { DecisionPolicy } from './decision-policy';
import type { ConsentRedactionCode, FaceProblem, UnresolvedFaceProblem } from './decision-reasons';

/** What one face means for the decision before blur-or-block is settled. */
export type FaceVerdict =
  | { kind: 'ignored' }
  | { kind: 'visible'; personId: number; consentRecordId: number }
  | { kind: 'problem'; problem: FaceProblem; blurAllowed: true }
  /** Only an unresolved face can be refused a blur (by policy); a face without consent may always be blurred. */
  | { kind: 'problem'; problem: UnresolvedFaceProblem; blurAllowed: false };

const consentCodes: Record<Exclude<ConsentState, 'granted'>, ConsentRedactionCode> = {
  none: 'no_record',
  refused: 'refused',
  withdrawn: 'withdrawn',
  expired: 'expired',
  needs_pupil: 'needs_pupil',
  invalid_giver: 'invalid_giver',
};

export interface FaceContext {
  people: ReadonlyMap<number, DecisionPerson>;
  historyByPerson: ReadonlyMap<number, readonly ConsentRecord[]>;
  channel: DecisionChannel;
  date: IsoDate;
  policy: DecisionPolicy;
}

function unresolved(problem: UnresolvedFaceProblem, policySetting: 'block' | 'blur'): FaceVerdict {
  return policySetting === 'blur' ? { kind: 'problem', problem, blurAllowed: true } : { kind: 'problem', problem, blurAllowed: false };
}

export function faceVerdict(face: DecisionFace, ctx: FaceContext): FaceVerdict {
  switch (face.state) {
    case 'not_identifiable':
    case 'not_a_face':
      return { kind: 'ignored' };
    case 'unreviewed':
      return unresolved({ code: 'unknown_face' }, ctx.policy.unresolvedFaces);
    case 'suggested': {
      const suggested = face.suggestedPersonId === null ? null : (ctx.people.get(face.suggestedPersonId) ?? null);
      return unresolved({ code: 'suggested_not_confirmed', suggested }, ctx.policy.suggestedFaces);
    }
    case 'person': {
      const person = face.personId === null ? undefined : ctx.people.get(face.personId);
      if (!person) return unresolved({ code: 'unknown_person', personId: face.personId }, ctx.policy.unresolvedFaces);
      const history = ctx.historyByPerson.get(person.id) ?? [];
      const evaluation = evaluateConsent(person, history, ctx.channel.key, ctx.date);
      if (isConsentValid(evaluation) && evaluation.record) {
        return { kind: 'visible', personId: person.id, consentRecordId: evaluation.record.id };
      }
      const code = consentCodes[evaluation.state as Exclude<ConsentState, 'granted'>];
      return { kind: 'problem', problem: { code, person, evaluation }, blurAllowed: true };
    }
  }
}
