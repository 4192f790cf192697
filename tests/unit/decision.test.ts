import { describe, expect, it } from 'vitest';
import type { Decision } from '../../shared/domain/decision';
import { decide } from '../../shared/domain/decision';
import type { DecisionInput } from '../../shared/domain/decision-input';
import { defaultDecisionPolicy } from '../../shared/domain/decision-policy';
import type { DecisionPolicy } from '../../shared/domain/decision-policy';
import { consent, face, facebook, input, media, newsletter, person, website } from './decision-fixtures';

function policy(fields: Partial<DecisionPolicy>): DecisionPolicy {
  return { ...defaultDecisionPolicy, ...fields };
}

function redactionCodes(d: Decision): string[] {
  if (d.decision !== 'redact') throw new Error(`expected redact, got ${JSON.stringify(d)}`);
  return d.redactions.map((r) => r.reason.code);
}

function blockCodes(d: Decision): string[] {
  if (d.decision !== 'blocked') throw new Error(`expected blocked, got ${JSON.stringify(d)}`);
  return d.reasons.map((r) => r.code);
}

/** One pupil (born 2010-03-15: 16 on 2026-03-15) in one face, with the given consent history. */
function pupilIn(history: ReturnType<typeof consent>[], fields: Partial<DecisionInput> = {}): DecisionInput {
  return input({
    faces: [face(10, { personId: 1 })],
    people: [person(1, { firstName: 'Anna', lastName: 'Jansen', dateOfBirth: '2010-03-15' })],
    consentHistory: history,
    ...fields,
  });
}

describe('publishable', () => {
  it('with nobody in it', () => {
    expect(decide(input())).toEqual({ decision: 'publishable', visible: [], removeAudio: false });
  });
  it('when every person has valid consent, naming the records it relied on', () => {
    const record = consent();
    expect(decide(pupilIn([record]))).toEqual({
      decision: 'publishable',
      visible: [{ faceId: 10, personId: 1, consentRecordId: record.id }],
      removeAudio: false,
    });
  });
  it('for staff who gave their own consent', () => {
    const d = decide(
      input({
        faces: [face(1, { personId: 7 })],
        people: [person(7, { role: 'staff', dateOfBirth: null })],
        consentHistory: [consent({ personId: 7, givenBy: 'self', validUntil: null })],
      }),
    );
    expect(d.decision).toBe('publishable');
  });
  it('ignores faces that are not identifiable or not a face, even of nobody known', () => {
    const d = decide(input({ faces: [face(1, { state: 'not_identifiable' }), face(2, { state: 'not_a_face', box: { x: 0, y: 0, w: 1, h: 1 } })] }));
    expect(d).toEqual({ decision: 'publishable', visible: [], removeAudio: false });
  });
});

describe('blur a face without valid consent, with the reason', () => {
  it.each([
    ['no_record', [] as ReturnType<typeof consent>[], '2026-01-15', /no recorded consent for Website/, {}],
    ['refused', [consent({ status: 'refused', validUntil: null })], '2026-01-15', /was refused on 2025-09-01/, { date: '2025-09-01' }],
    ['withdrawn', [consent(), consent({ status: 'withdrawn', givenOn: '2025-12-01', validUntil: null })], '2026-01-15', /withdrawn on 2025-12-01/, { date: '2025-12-01' }],
    ['expired', [consent({ validUntil: '2025-12-31' })], '2026-01-15', /expired on 2025-12-31/, { date: '2025-12-31' }],
    ['needs_pupil', [consent()], '2026-03-15', /16 or older since 2026-03-15/, { date: '2026-03-15', requiredGiver: 'pupil' }],
    ['invalid_giver', [consent({ givenBy: 'pupil' })], '2026-01-15', /given by the pupil personally, but only the guardian/, { giver: 'pupil' }],
  ])('%s, with the values the UI says it with', (code, history, date, message, params) => {
    const d = decide(pupilIn(history, { date }));
    expect(d.decision).toBe('redact');
    if (d.decision !== 'redact') return;
    const expected = { person: 'Anna Jansen', channel: 'Website', requiredGiver: 'guardian', ...params };
    expect(d.redactions).toEqual([{ faceId: 10, trackId: null, personId: 1, reason: { code, params: expected, message: expect.stringMatching(message) } }]);
    expect(d.visible).toEqual([]);
  });
  it("counts the guardian's consent until the day before the 16th birthday", () => {
    expect(decide(pupilIn([consent()], { date: '2026-03-14' })).decision).toBe('publishable');
    expect(redactionCodes(decide(pupilIn([consent()], { date: '2026-03-15' })))).toEqual(['needs_pupil']);
  });
  it('reads consent as of the decision date: publishable before the withdrawal', () => {
    const history = [consent(), consent({ status: 'withdrawn', givenOn: '2025-12-01', validUntil: null })];
    expect(decide(pupilIn(history, { date: '2025-11-30' })).decision).toBe('publishable');
  });
  it('keeps channels apart', () => {
    const history = [consent({ channel: 'facebook' })];
    expect(decide(pupilIn(history, { channel: facebook })).decision).toBe('publishable');
    expect(redactionCodes(decide(pupilIn(history, { channel: website })))).toEqual(['no_record']);
  });
  it("never borrows another person's consent", () => {
    const d = decide(pupilIn([consent({ personId: 2 })], { people: [person(1), person(2)] }));
    expect(redactionCodes(d)).toEqual(['no_record']);
  });
  it('blurs only those without consent and lists who stays visible', () => {
    const granted = consent({ personId: 2 });
    const d = decide(
      input({
        faces: [face(1, { personId: 1 }), face(2, { personId: 2 })],
        people: [person(1), person(2)],
        consentHistory: [granted],
      }),
    );
    expect(d).toMatchObject({
      decision: 'redact',
      redactions: [{ faceId: 1, personId: 1 }],
      visible: [{ faceId: 2, personId: 2, consentRecordId: granted.id }],
    });
  });
  it('blurs a face exactly at the size threshold', () => {
    const d = decide(pupilIn([], { faces: [face(10, { personId: 1, box: { x: 0, y: 0, w: 0.5, h: 0.5 } })] }));
    expect(redactionCodes(d)).toEqual(['no_record']);
  });
});

describe('unresolved faces: block by default, blur when the policy says so', () => {
  const cases = [
    ['unknown_face', face(3, { state: 'unreviewed' }), 'unresolvedFaces', /has not been reviewed/, /Review the face/, {}],
    ['suggested_not_confirmed', face(3, { state: 'suggested', suggestedPersonId: 1 }), 'suggestedFaces', /recognised as Anna Jansen/, /Confirm or correct/, { person: 'Anna Jansen' }],
    ['unknown_person', face(3, { state: 'person', personId: 99 }), 'unresolvedFaces', /\(id 99\) who is not in the library/, /Tag the face again/, { personId: 99 }],
    ['unknown_person', face(3, { state: 'person', personId: null }), 'unresolvedFaces', /\(id none\)/, /Tag the face again/, { personId: null }],
  ] as const;
  it.each(cases)('%s blocks', (code, f, _setting, message, fix, params) => {
    const d = decide(input({ faces: [f], people: [person(1, { firstName: 'Anna', lastName: 'Jansen' })] }));
    expect(d).toEqual({ decision: 'blocked', reasons: [{ code, params, message: expect.stringMatching(message), fix: expect.stringMatching(fix), faceIds: [3] }] });
  });
  it.each(cases)('%s is blurred under a lenient policy', (code, f, setting) => {
    const d = decide(input({ faces: [f], people: [person(1)], policy: policy({ [setting]: 'blur' }) }));
    expect(d).toMatchObject({ decision: 'redact', redactions: [{ faceId: 3, personId: null, reason: { code } }] });
  });
  it('a suggestion is never consent, even when the suggested person has it', () => {
    const d = decide(pupilIn([consent()], { faces: [face(10, { state: 'suggested', suggestedPersonId: 1 })] }));
    expect(blockCodes(d)).toEqual(['suggested_not_confirmed']);
  });
  it('the unresolved-face setting does not unblock suggestions, nor the other way round', () => {
    const faces = [face(1, { state: 'unreviewed' }), face(2, { state: 'suggested' })];
    expect(blockCodes(decide(input({ faces, policy: policy({ unresolvedFaces: 'blur' }) })))).toEqual(['suggested_not_confirmed']);
    expect(blockCodes(decide(input({ faces, policy: policy({ suggestedFaces: 'blur' }) })))).toEqual(['unknown_face']);
  });
});

describe('faces too large to blur block the media', () => {
  const big = { x: 0.2, y: 0.1, w: 0.6, h: 0.6 };
  it('for a person without consent, with the consent reason and the share', () => {
    const d = decide(pupilIn([consent({ status: 'refused', validUntil: null })], { faces: [face(10, { personId: 1, box: big })] }));
    expect(d).toEqual({
      decision: 'blocked',
      reasons: [
        {
          code: 'face_too_large',
          params: {
            cause: { code: 'refused', params: { person: 'Anna Jansen', channel: 'Website', requiredGiver: 'guardian', date: '2025-09-01' } },
            share: expect.closeTo(0.36),
            maxShare: 0.25,
          },
          message: expect.stringMatching(/refused on 2025-09-01\. The face covers 36 % of the frame, more than the 25 % that may be blurred\./),
          fix: expect.stringMatching(/Choose media in which Anna Jansen is absent/),
          faceIds: [10],
          personId: 1,
        },
      ],
    });
  });
  it('for an unresolved face the policy would blur', () => {
    const d = decide(input({ faces: [face(1, { state: 'unreviewed', box: big })], policy: policy({ unresolvedFaces: 'blur' }) }));
    expect(blockCodes(d)).toEqual(['face_too_large']);
  });
  it('follows the policy threshold', () => {
    const d = decide(pupilIn([], { faces: [face(10, { personId: 1, box: big })], policy: policy({ maxBlurShare: 0.4 }) }));
    expect(redactionCodes(d)).toEqual(['no_record']);
  });
  it('not for a person with consent', () => {
    expect(decide(pupilIn([consent()], { faces: [face(10, { personId: 1, box: big })] })).decision).toBe('publishable');
  });
});

describe('media marks block on every channel', () => {
  it.each([
    ['not_for_publication', { notForPublication: { reason: 'Shows a pupil in distress.' } }, /"not for publication": Shows a pupil in distress\./, /lift the mark/, { note: 'Shows a pupil in distress.' }],
    ['confidential', { confidential: true }, /marked confidential/, /Choose other media/, {}],
    ['open_doubt', { openDoubt: { question: 'Is the logo on the wall OK?' } }, /still open: "Is the logo on the wall OK\?"/, /answers the question/, { question: 'Is the logo on the wall OK?' }],
    ['faces_not_detected', { facesDetected: false }, /not been detected/, /Run face detection/, {}],
  ] as const)('%s', (code, fields, message, fix, params) => {
    for (const channel of [website, facebook, newsletter]) {
      expect(decide(input({ media: media(fields), channel }))).toEqual({
        decision: 'blocked',
        reasons: [{ code, params, message: expect.stringMatching(message), fix: expect.stringMatching(fix) }],
      });
    }
  });
});

describe('rights', () => {
  it('unknown rights block external and social channels', () => {
    for (const channel of [website, facebook]) {
      expect(blockCodes(decide(input({ media: media({ license: 'unknown' }), channel })))).toEqual(['rights_unknown']);
    }
  });
  it('unknown rights pass internal channels unless the policy is strict', () => {
    expect(decide(input({ media: media({ license: 'unknown' }), channel: newsletter })).decision).toBe('publishable');
    const strict = policy({ unknownRightsOnInternalChannels: 'block' });
    expect(blockCodes(decide(input({ media: media({ license: 'unknown' }), channel: newsletter, policy: strict })))).toEqual(['rights_unknown']);
  });
  it.each(['school_owned', 'cc0', 'cc_by', 'cc_by_sa', 'cc_by_nc', 'cc_by_nc_sa', 'cc_by_nd'] as const)('%s may be published', (license) => {
    expect(decide(input({ media: media({ license }) })).decision).toBe('publishable');
  });
  const thirdParty = (permission: { channels: string[]; until: string | null } | null) =>
    media({ license: 'third_party', rightsHolder: 'Studio Foto', thirdPartyPermission: permission });
  it.each([
    ['no permission', null, /belongs to Studio Foto and no permission/, { permission: 'missing' }],
    ['a permission for other channels', { channels: ['facebook'], until: null }, /does not cover Website/, { permission: 'other_channels' }],
    ['a permission that ended', { channels: ['website'], until: '2026-01-14' }, /ended on 2026-01-14/, { permission: 'ended', until: '2026-01-14' }],
  ])('third-party media with %s blocks, internal channels included', (_name, permission, message, gap) => {
    for (const channel of [website, { ...website, kind: 'internal' as const }]) {
      const d = decide(input({ media: thirdParty(permission), channel }));
      const params = { holder: 'Studio Foto', channel: 'Website', date: '2026-01-15', ...gap };
      expect(d).toEqual({
        decision: 'blocked',
        reasons: [{ code: 'rights_third_party', params, message: expect.stringMatching(message), fix: expect.stringMatching(/permission of Studio Foto .* until at least 2026-01-15/) }],
      });
    }
  });
  it('third-party media with a permission for the channel that holds on the date may go', () => {
    expect(decide(input({ media: thirdParty({ channels: ['website'], until: '2026-01-15' }) })).decision).toBe('publishable');
    expect(decide(input({ media: thirdParty({ channels: ['facebook', 'website'], until: null }) })).decision).toBe('publishable');
  });
  it('a no-derivatives licence blocks when a face must be blurred', () => {
    const d = decide(pupilIn([], { media: media({ license: 'cc_by_nd' }) }));
    expect(blockCodes(d)).toEqual(['rights_no_derivatives']);
  });
});

describe('sound of a video', () => {
  const video = (fields: Parameters<typeof media>[0]) => media({ kind: 'video', hasAudio: true, ...fields });
  it("blocks sound that is someone else's, on every channel", () => {
    for (const channel of [website, newsletter]) {
      const d = decide(input({ media: video({ audioRights: 'other' }), channel }));
      expect(d).toEqual({
        decision: 'blocked',
        reasons: [{ code: 'audio_rights', params: { channel: channel.name, sound: 'other' }, message: expect.stringMatching(/someone else's/), fix: expect.stringMatching(/without the audio track/) }],
      });
    }
  });
  it('blocks sound of unknown origin externally, and when a video may have sound', () => {
    expect(blockCodes(decide(input({ media: video({ audioRights: 'unknown' }) })))).toEqual(['audio_rights']);
    expect(blockCodes(decide(input({ media: video({ audioRights: 'unknown', hasAudio: null }) })))).toEqual(['audio_rights']);
    expect(decide(input({ media: video({ audioRights: 'unknown' }), channel: newsletter })).decision).toBe('publishable');
  });
  it("passes the school's own sound, a silent video and a photo", () => {
    expect(decide(input({ media: video({ audioRights: 'own' }) }))).toMatchObject({ decision: 'publishable', removeAudio: false });
    expect(decide(input({ media: video({ audioRights: 'other', hasAudio: false }) }))).toMatchObject({ decision: 'publishable', removeAudio: false });
    expect(decide(input({ media: media({ audioRights: 'other', hasAudio: true }) }))).toMatchObject({ decision: 'publishable', removeAudio: false });
  });
  it('passes without the audio track when the export or the policy removes it', () => {
    expect(decide(input({ media: video({ audioRights: 'other' }), removeAudio: true }))).toMatchObject({ decision: 'publishable', removeAudio: true });
    const remove = policy({ audioWithoutRights: 'remove' });
    expect(decide(input({ media: video({ audioRights: 'other' }), policy: remove }))).toMatchObject({ decision: 'publishable', removeAudio: true });
    expect(decide(input({ media: video({ audioRights: 'own' }), policy: remove }))).toMatchObject({ decision: 'publishable', removeAudio: false });
  });
});

describe('official channels', () => {
  const school = { key: 'bloemhof', name: 'De Bloemhof', officialChannels: ['website', 'newsletter'] };
  it('block a channel the identity does not officially use', () => {
    const d = decide(input({ channel: facebook, publishingIdentity: school }));
    expect(d).toEqual({
      decision: 'blocked',
      reasons: [{ code: 'not_official_channel', params: { channel: 'Facebook', identity: 'De Bloemhof' }, message: 'Facebook is not an official channel of De Bloemhof.', fix: expect.stringMatching(/ask an admin to add Facebook/) }],
    });
  });
  it('allow an official channel, an unlisted identity, a check without identity, or a policy that does not ask', () => {
    expect(decide(input({ channel: website, publishingIdentity: school })).decision).toBe('publishable');
    expect(decide(input({ channel: facebook, publishingIdentity: { ...school, officialChannels: null } })).decision).toBe('publishable');
    expect(decide(input({ channel: facebook, publishingIdentity: null })).decision).toBe('publishable');
    expect(decide(input({ channel: facebook, publishingIdentity: school, policy: policy({ requireOfficialChannel: false }) })).decision).toBe('publishable');
  });
});

describe('a blocked decision lists every reason', () => {
  it('media reasons first, then faces, each with a fix', () => {
    const d = decide(
      input({
        media: media({ kind: 'video', hasAudio: true, audioRights: 'other', license: 'unknown', confidential: true, openDoubt: { question: 'OK?' } }),
        faces: [face(5, { state: 'unreviewed' }), face(4, { state: 'suggested' }), face(6, { personId: 1, box: { x: 0, y: 0, w: 0.9, h: 0.9 } })],
        people: [person(1)],
        channel: facebook,
        publishingIdentity: { key: 'foundation', name: 'The foundation', officialChannels: ['website'] },
      }),
    );
    expect(blockCodes(d)).toEqual([
      'confidential',
      'open_doubt',
      'unknown_face',
      'suggested_not_confirmed',
      'face_too_large',
      'rights_unknown',
      'audio_rights',
      'not_official_channel',
    ]);
    if (d.decision === 'blocked') for (const r of d.reasons) expect(r.fix.length).toBeGreaterThan(10);
  });
  it('gives one reason per video track or person, with all its faces', () => {
    const d = decide(
      input({
        faces: [face(1, { state: 'unreviewed', trackId: 7 }), face(2, { state: 'unreviewed', trackId: 7 }), face(3, { state: 'unreviewed', trackId: 8 })],
      }),
    );
    expect(d).toMatchObject({ decision: 'blocked', reasons: [{ code: 'unknown_face', faceIds: [1, 2] }, { code: 'unknown_face', faceIds: [3] }] });
  });
  it('blurs every sampled face of a track', () => {
    const d = decide(pupilIn([], { faces: [face(11, { personId: 1, trackId: 2 }), face(12, { personId: 1, trackId: 2 })] }));
    expect(d).toMatchObject({ decision: 'redact', redactions: [{ faceId: 11, trackId: 2 }, { faceId: 12, trackId: 2 }] });
  });
});
