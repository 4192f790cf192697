import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consentStates, evaluateConsent, isConsentValid, requiredGiver } from '../../shared/domain/consent';
import { addDays, birthday } from '../../shared/domain/dates';
import type { Decision } from '../../shared/domain/decision';
import { decide } from '../../shared/domain/decision';
import type { DecisionFace, DecisionInput, DecisionPerson } from '../../shared/domain/decision-input';
import type { ConsentRecord } from '../../shared/types';
import { consentGivers, consentStatuses, faceStates, licenses } from '../../shared/types';
import { facebook, newsletter, website } from './decision-fixtures';

/**
 * The compliance invariant at the decision level, on random people (pupils around their 16th birthday, staff),
 * append-only consent histories, face assignments, channels, dates and policies. The oracle for "has valid consent"
 * is evaluateConsent on the person's own records, computed here independently of decide().
 */
const runs = { numRuns: 2000 };
const channels = [website, facebook, newsletter];
const day = (base: string, max: number) => fc.integer({ min: 0, max }).map((n) => addDays(base, n));

const personArb = (id: number) =>
  fc.record({
    id: fc.constant(id),
    firstName: fc.constant('P'),
    lastName: fc.constant(String(id)),
    role: fc.constantFrom('pupil' as const, 'pupil' as const, 'staff' as const),
    dateOfBirth: fc.option(day('2007-01-01', 6 * 365), { freq: 8 }),
  });

const peopleArb = fc.integer({ min: 1, max: 4 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => personArb(i + 1))));

/** Dates near a pupil's 16th birthday are where guardian consent stops counting, so aim there often. */
function dateArb(people: DecisionPerson[]) {
  const birthdays = people.flatMap((p) => (p.role === 'pupil' && p.dateOfBirth ? [birthday(p.dateOfBirth, 16)] : []));
  const random = day('2022-06-01', 5 * 365);
  if (birthdays.length === 0) return random;
  const near = fc.tuple(fc.constantFrom(...birthdays), fc.integer({ min: -1, max: 1 })).map(([b, d]) => addDays(b, d));
  return fc.oneof(random, near);
}

/** Mostly the giver the rules asked for on the day it was given, as in real life; so valid consent is common enough. */
const giverArb = (people: DecisionPerson[], personId: number, givenOn: string) => {
  const person = people.find((p) => p.id === personId);
  const usual = person ? requiredGiver(person, givenOn) : 'guardian';
  return fc.oneof({ weight: 3, arbitrary: fc.constant(usual) }, { weight: 1, arbitrary: fc.constantFrom(...consentGivers) });
};

/** Records mostly for the channel being decided, but also for others, which must not count. */
const recordArb = (people: DecisionPerson[], date: string, channel: string) =>
  fc
    .tuple(fc.integer({ min: 1, max: people.length + 1 }), fc.integer({ min: -700, max: 60 }).map((d) => addDays(date, d)))
    .chain(([personId, givenOn]) =>
      fc.record({
        personId: fc.constant(personId),
        channel: fc.oneof({ weight: 2, arbitrary: fc.constant(channel) }, { weight: 1, arbitrary: fc.constantFrom(...channels.map((c) => c.key)) }),
        status: fc.constantFrom(...consentStatuses, 'granted' as const, 'granted' as const),
        givenBy: giverArb(people, personId, givenOn),
        givenOn: fc.constant(givenOn),
        validFor: fc.option(fc.integer({ min: 0, max: 900 }), { freq: 3 }),
      }),
    );

const faceArb = (peopleCount: number) =>
  fc.record({
    state: fc.oneof({ weight: 1, arbitrary: fc.constantFrom(...faceStates) }, { weight: 3, arbitrary: fc.constant('person' as const) }),
    personId: fc.oneof(
      { weight: 12, arbitrary: fc.integer({ min: 1, max: peopleCount }) },
      { weight: 1, arbitrary: fc.constantFrom(null, peopleCount + 1) },
    ),
    suggestedPersonId: fc.option(fc.integer({ min: 1, max: peopleCount }), { freq: 2 }),
    trackId: fc.option(fc.integer({ min: 1, max: 2 }), { freq: 2 }),
    box: fc.record({
      x: fc.double({ min: 0, max: 0.9, noNaN: true }),
      y: fc.double({ min: 0, max: 0.9, noNaN: true }),
      w: fc.double({ min: 0.02, max: 0.7, noNaN: true }),
      h: fc.double({ min: 0.02, max: 0.7, noNaN: true }),
    }),
  });

const anyMediaArb = fc.record({
  id: fc.constant(1),
  kind: fc.constantFrom('photo' as const, 'video' as const),
  hasAudio: fc.constantFrom(true, false, null),
  license: fc.constantFrom(...licenses),
  rightsHolder: fc.constant(null),
  facesDetected: fc.boolean(),
  confidential: fc.boolean(),
  notForPublication: fc.option(fc.constant({ reason: 'harmful' })),
  openDoubt: fc.option(fc.constant({ question: 'ok?' })),
  audioRights: fc.constantFrom('own' as const, 'other' as const, 'unknown' as const),
  thirdPartyPermission: fc.option(
    fc.record({ channels: fc.subarray(channels.map((c) => c.key)), until: fc.option(day('2022-06-01', 5 * 365)) }),
  ),
});

/** Media with nothing against it, so the faces decide: most cases, or consent would rarely matter. */
const cleanMediaArb = anyMediaArb.map((m) => ({
  ...m,
  license: 'school_owned' as const,
  facesDetected: true,
  confidential: false,
  notForPublication: null,
  openDoubt: null,
  audioRights: 'own' as const,
}));

const mediaArb = fc.oneof({ weight: 3, arbitrary: cleanMediaArb }, { weight: 1, arbitrary: anyMediaArb });

const policyArb = fc.record({
  blurMargin: fc.constant(0.3),
  maxBlurShare: fc.constantFrom(0.1, 0.25, 0.5),
  unresolvedFaces: fc.constantFrom('block' as const, 'blur' as const),
  suggestedFaces: fc.constantFrom('block' as const, 'blur' as const),
  requireOfficialChannel: fc.boolean(),
  unknownRightsOnInternalChannels: fc.constantFrom('allow' as const, 'block' as const),
  audioWithoutRights: fc.constantFrom('block' as const, 'remove' as const),
});

const inputArb: fc.Arbitrary<DecisionInput> = peopleArb.chain((people) =>
  fc.tuple(dateArb(people), fc.constantFrom(...channels)).chain(([date, channel]) =>
    fc.record({
      media: mediaArb,
      faces: fc.array(faceArb(people.length), { maxLength: 6 }),
      people: fc.constant(people),
      consentHistory: fc.array(recordArb(people, date, channel.key), { maxLength: 12 }),
      channel: fc.constant(channel),
      publishingIdentity: fc.option(
        fc.record({
          key: fc.constant('school'),
          name: fc.constant('School'),
          officialChannels: fc.option(fc.oneof(fc.constant(channels.map((c) => c.key)), fc.subarray(channels.map((c) => c.key)))),
        }),
      ),
      date: fc.constant(date),
      policy: policyArb,
      removeAudio: fc.boolean(),
    }).map((raw): DecisionInput => ({
      ...raw,
      faces: raw.faces.map((f, i): DecisionFace => ({ ...f, id: i + 1 })),
      consentHistory: raw.consentHistory.map(
        ({ validFor, ...r }, i): ConsentRecord => ({
          ...r,
          id: i + 1,
          validUntil: r.status === 'granted' && validFor !== null ? addDays(r.givenOn, validFor) : null,
          evidence: null,
          note: null,
          source: 'manual',
          recordedAt: `${r.givenOn}T12:00:00Z`,
          recordedBy: 'admin',
        }),
      ),
    })),
  ),
);

type Oracle = 'ignored' | 'unresolved' | 'valid' | 'invalid';

function oracle(face: DecisionFace, input: DecisionInput): Oracle {
  if (face.state === 'not_identifiable' || face.state === 'not_a_face') return 'ignored';
  if (face.state !== 'person') return 'unresolved';
  const person = input.people.find((p) => p.id === face.personId);
  if (!person) return 'unresolved';
  const own = input.consentHistory.filter((r) => r.personId === person.id);
  return isConsentValid(evaluateConsent(person, own, input.channel.key, input.date)) ? 'valid' : 'invalid';
}

const redactedIds = (d: Decision) => new Set(d.decision === 'redact' ? d.redactions.map((r) => r.faceId) : []);
const consentCodes = new Set(['no_record', 'refused', 'withdrawn', 'expired', 'needs_pupil', 'invalid_giver']);

/** A reproducible shuffle, so a failing case can be replayed from fast-check's seed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe('decision invariants', () => {
  it('(0) the random cases reach every decision and every consent state, so the invariants below mean something', () => {
    const seen = new Map<string, number>();
    const count = (key: string) => seen.set(key, (seen.get(key) ?? 0) + 1);
    for (const input of fc.sample(inputArb, { numRuns: runs.numRuns, seed: 42 })) {
      const d = decide(input);
      count(d.decision);
      if (d.decision !== 'blocked' && d.visible.length > 0) count('visible');
      for (const face of input.faces) {
        const person = input.people.find((p) => p.id === face.personId);
        if (face.state !== 'person' || !person) continue;
        const own = input.consentHistory.filter((r) => r.personId === person.id);
        count(evaluateConsent(person, own, input.channel.key, input.date).state);
      }
    }
    for (const key of ['publishable', 'redact', 'blocked', 'visible', ...consentStates]) expect(seen.get(key) ?? 0, key).toBeGreaterThan(runs.numRuns / 100);
  });

  it('(1) is never publishable while a face lacks valid consent or is unresolved', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const d = decide(input);
        if (d.decision !== 'publishable') return;
        for (const face of input.faces) expect(['ignored', 'valid']).toContain(oracle(face, input));
      }),
      runs,
    );
  });

  it('(2) blurs every face without valid consent (and every unresolved one), or blocks', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const d = decide(input);
        if (d.decision === 'blocked') return;
        const redacted = redactedIds(d);
        for (const face of input.faces) {
          const o = oracle(face, input);
          if (o === 'invalid' || o === 'unresolved') expect(redacted.has(face.id)).toBe(true);
        }
      }),
      runs,
    );
  });

  it('(3) never blurs a face whose person has valid consent, and lists it as visible', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const d = decide(input);
        if (d.decision === 'blocked') return;
        const visible = new Set(d.visible.map((v) => v.faceId));
        for (const face of input.faces) {
          const valid = oracle(face, input) === 'valid';
          expect(visible.has(face.id)).toBe(valid);
          if (valid) expect(redactedIds(d).has(face.id)).toBe(false);
        }
        if (d.decision === 'redact') {
          for (const r of d.redactions) {
            if (consentCodes.has(r.reason.code)) expect(oracle(input.faces.find((f) => f.id === r.faceId)!, input)).toBe('invalid');
          }
        }
      }),
      runs,
    );
  });

  it('(4) is deterministic and independent of the order of consent history and faces', () => {
    fc.assert(
      fc.property(inputArb, fc.integer(), fc.integer(), (input, seedA, seedB) => {
        const d = decide(input);
        expect(decide(input)).toEqual(d);
        const reordered = {
          ...input,
          consentHistory: shuffled(input.consentHistory, seedA),
          faces: shuffled(input.faces, seedB),
          people: shuffled(input.people, seedA ^ seedB),
        };
        expect(decide(reordered)).toEqual(d);
      }),
      runs,
    );
  });

  it('(5) faces that are not identifiable or not a face never cause a blur or a block', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const d = decide(input);
        const ignored = input.faces.filter((f) => oracle(f, input) === 'ignored').map((f) => f.id);
        const mentioned = d.decision === 'blocked' ? d.reasons.flatMap((r) => r.faceIds ?? []) : [...redactedIds(d)];
        for (const id of ignored) expect(mentioned).not.toContain(id);
        const without = { ...input, faces: input.faces.filter((f) => !ignored.includes(f.id)) };
        expect(decide(without)).toEqual(d);
      }),
      runs,
    );
  });

  it('(6) under the default "in doubt, do not publish" settings an unresolved face always blocks', () => {
    fc.assert(
      fc.property(inputArb, (raw) => {
        const input = { ...raw, policy: { ...raw.policy, unresolvedFaces: 'block' as const, suggestedFaces: 'block' as const } };
        const d = decide(input);
        if (input.faces.some((f) => oracle(f, input) === 'unresolved')) expect(d.decision).toBe('blocked');
      }),
      runs,
    );
  });

  it('(7) a media mark, an open question or undetected faces always block', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const d = decide(input);
        const { media } = input;
        const expected = [
          media.notForPublication && 'not_for_publication',
          media.confidential && 'confidential',
          media.openDoubt && 'open_doubt',
          !media.facesDetected && 'faces_not_detected',
        ].filter(Boolean);
        if (expected.length === 0) return;
        expect(d.decision).toBe('blocked');
        if (d.decision === 'blocked') expect(d.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(expected));
      }),
      runs,
    );
  });
});
