import type { ConsentGiver, ConsentRecord, IsoDate, Person } from '../types';
import { ageOn, birthday } from './dates';

/** Under Dutch GDPR rules (UAVG art. 5) a guardian answers for a pupil under 16; from the 16th birthday the pupil answers. */
export const ageOfOwnConsent = 16;

/** Who must give consent for this person on this date. A pupil without a date of birth is treated as a minor: when in doubt, ask the guardian. */
export function requiredGiver(person: Pick<Person, 'role' | 'dateOfBirth'>, date: IsoDate): ConsentGiver {
  if (person.role === 'staff') return 'self';
  if (!person.dateOfBirth) return 'guardian';
  return ageOn(person.dateOfBirth, date) >= ageOfOwnConsent ? 'pupil' : 'guardian';
}

/** The day from which the pupil's own answer is needed, or null for staff and pupils without a date of birth. */
export function ownConsentFrom(person: Pick<Person, 'role' | 'dateOfBirth'>): IsoDate | null {
  if (person.role !== 'pupil' || !person.dateOfBirth) return null;
  return birthday(person.dateOfBirth, ageOfOwnConsent);
}

/**
 * The state of one person's consent for one channel on one date, as shown in a consent-matrix cell.
 * - granted: valid consent from the right person.
 * - refused / withdrawn: the latest answer says no.
 * - expired: granted, but valid_until has passed.
 * - needs_pupil: the guardian granted it, but the pupil is 16 or older now and must answer personally.
 * - invalid_giver: granted by someone who may not give it (e.g. a pupil under 16).
 * - none: no answer recorded yet.
 */
export const consentStates = ['granted', 'refused', 'withdrawn', 'expired', 'needs_pupil', 'invalid_giver', 'none'] as const;
export type ConsentState = (typeof consentStates)[number];

export interface ConsentEvaluation {
  state: ConsentState;
  record: ConsentRecord | null;
  requiredGiver: ConsentGiver;
}

/**
 * The record in force on `date`: the latest one given on or before that date. Records are append-only,
 * so a later record always replaces an earlier one; among records given the same day the last recorded wins.
 */
export function recordInForce(history: readonly ConsentRecord[], channel: string, date: IsoDate): ConsentRecord | null {
  let best: ConsentRecord | null = null;
  for (const r of history) {
    if (r.channel !== channel || r.givenOn > date) continue;
    if (!best || r.givenOn > best.givenOn || (r.givenOn === best.givenOn && r.id > best.id)) best = r;
  }
  return best;
}

export function evaluateConsent(
  person: Pick<Person, 'role' | 'dateOfBirth'>,
  history: readonly ConsentRecord[],
  channel: string,
  date: IsoDate,
): ConsentEvaluation {
  const giver = requiredGiver(person, date);
  const record = recordInForce(history, channel, date);
  if (!record) return { state: 'none', record, requiredGiver: giver };
  if (record.status !== 'granted') return { state: record.status, record, requiredGiver: giver };
  if (record.validUntil !== null && record.validUntil < date) return { state: 'expired', record, requiredGiver: giver };
  if (record.givenBy === giver) return { state: 'granted', record, requiredGiver: giver };
  if (giver === 'pupil' && record.givenBy === 'guardian') return { state: 'needs_pupil', record, requiredGiver: giver };
  return { state: 'invalid_giver', record, requiredGiver: giver };
}

/** Only this state means a person may be shown on the channel. */
export function isConsentValid(evaluation: ConsentEvaluation): boolean {
  return evaluation.state === 'granted';
}
