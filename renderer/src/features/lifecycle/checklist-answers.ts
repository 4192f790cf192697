import type { CommandInput } from '../../../../shared/contract';

/** One pupil's answer for one channel on the returned form; absent: not answered (yet). */
export type Answer = 'yes' | 'no';

/** Answers keyed by `${personId}:${channel}`. */
export type Answers = Readonly<Record<string, Answer>>;

export const answerKey = (personId: number, channel: string): string => `${personId}:${channel}`;

/**
 * The consent records a checklist round writes: one per answered cell, dated the day the forms came back and
 * naming where the answer is (the paper form). Who had to give it (guardian or, from 16, the pupil) is the core's
 * to decide from that date. Unanswered cells write nothing: an empty box is not a refusal.
 */
export function checklistRecords(answers: Answers, givenOn: string, source: string): CommandInput<'consent.set'>[] {
  return Object.entries(answers).map(([key, answer]) => {
    const at = key.indexOf(':');
    return {
      person: key.slice(0, at),
      channel: key.slice(at + 1),
      status: answer === 'yes' ? 'granted' : 'refused',
      givenOn,
      evidence: source.trim() || null,
    };
  });
}
