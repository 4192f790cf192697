import { createInstance } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { decide } from '../../shared/domain/decision';
import type { BlockCode, BlockReasonParams, FaceReasonParams, RedactionCode } from '../../shared/domain/decision-reasons';
import { blockCodes, redactionCodes } from '../../shared/domain/decision-reasons';
import { exportingEn } from '../../renderer/src/features/export/export-texts.en';
import { exportingNl } from '../../renderer/src/features/export/export-texts.nl';
import { reasonTexts } from '../../renderer/src/features/export/reason-text';
import { formatDate } from '../../renderer/src/lib/format';
import { consent, face, input, person } from './decision-fixtures';

const i18n = createInstance();
beforeAll(async () => {
  // No fallback: a Dutch text that is missing must show up as missing, not as the English one.
  await i18n.init({
    resources: { en: { translation: { exporting: exportingEn } }, nl: { translation: { exporting: exportingNl } } },
    lng: 'en',
    fallbackLng: false,
    interpolation: { escapeValue: false },
  });
});
const texts = (lng: 'en' | 'nl') => reasonTexts(i18n.getFixedT(lng), lng);

const anna = { person: 'Anna Jansen', channel: 'Website', requiredGiver: 'guardian' } as const;
const withdrawn = { code: 'withdrawn', params: { ...anna, date: '2025-12-01' } } as const;

/** Every variant of every reason the core can give; typed per code so a new code needs samples here. */
const samples: Record<BlockCode | RedactionCode, readonly (BlockReasonParams | FaceReasonParams)[]> = {
  not_for_publication: [{ code: 'not_for_publication', params: { note: 'Shows a pupil in distress.' } }],
  confidential: [{ code: 'confidential', params: {} }],
  open_doubt: [{ code: 'open_doubt', params: { question: 'Is the logo OK?' } }],
  faces_not_detected: [{ code: 'faces_not_detected', params: {} }],
  unknown_face: [{ code: 'unknown_face', params: {} }],
  suggested_not_confirmed: [
    { code: 'suggested_not_confirmed', params: { person: 'Anna Jansen' } },
    { code: 'suggested_not_confirmed', params: { person: null } },
  ],
  unknown_person: [{ code: 'unknown_person', params: { personId: 9 } }],
  face_too_large: [
    { code: 'face_too_large', params: { cause: withdrawn, share: 0.36, maxShare: 0.25 } },
    { code: 'face_too_large', params: { cause: { code: 'unknown_face', params: {} }, share: 0.5, maxShare: 0.25 } },
  ],
  rights_unknown: [{ code: 'rights_unknown', params: { channel: 'Website' } }],
  rights_third_party: [
    { code: 'rights_third_party', params: { holder: 'Studio Foto', channel: 'Website', date: '2026-01-15', permission: 'missing' } },
    { code: 'rights_third_party', params: { holder: null, channel: 'Website', date: '2026-01-15', permission: 'other_channels' } },
    { code: 'rights_third_party', params: { holder: 'Studio Foto', channel: 'Website', date: '2026-01-15', permission: 'ended', until: '2026-01-14' } },
  ],
  rights_no_derivatives: [{ code: 'rights_no_derivatives', params: {} }],
  audio_rights: [
    { code: 'audio_rights', params: { channel: 'Facebook', sound: 'other' } },
    { code: 'audio_rights', params: { channel: 'Facebook', sound: 'unknown' } },
  ],
  not_official_channel: [{ code: 'not_official_channel', params: { channel: 'Facebook', identity: 'De Bloemhof' } }],
  no_record: [{ code: 'no_record', params: anna }],
  refused: [{ code: 'refused', params: { ...anna, date: '2025-09-01' } }],
  withdrawn: [withdrawn],
  expired: [{ code: 'expired', params: { ...anna, date: '2025-12-31' } }],
  needs_pupil: [{ code: 'needs_pupil', params: { ...anna, requiredGiver: 'pupil', date: '2026-03-15' } }],
  invalid_giver: [{ code: 'invalid_giver', params: { ...anna, giver: 'pupil' } }],
};

/** A text i18next could not find comes back as its key; a value it could not fill stays in braces. */
function expectSaid(text: string): void {
  expect(text).not.toMatch(/exporting\.|\{\{|undefined|null/);
  expect(text.length).toBeGreaterThan(10);
}

describe('reasons said in the UI language', () => {
  it.each([...new Set([...blockCodes, ...redactionCodes])])('%s has a title, a sentence and a fix in English and Dutch', (code) => {
    expect(samples[code].length).toBeGreaterThan(0);
    for (const reason of samples[code]) {
      expect(reason.code).toBe(code);
      const [en, nl] = [texts('en'), texts('nl')];
      for (const said of [en, nl]) {
        expect(said.title(reason)).not.toMatch(/exporting\./);
        expectSaid(said.sentence(reason));
        expectSaid(said.fix(reason));
      }
      expect(nl.sentence(reason)).not.toBe(en.sentence(reason));
      expect(nl.fix(reason)).not.toBe(en.fix(reason));
    }
  });

  it('says a withdrawal in Dutch with the name and the date as Dutch writes it, from what decide gives', () => {
    const history = [consent(), consent({ status: 'withdrawn', givenOn: '2025-12-01', validUntil: null })];
    const people = [person(1, { firstName: 'Anna', lastName: 'Jansen', dateOfBirth: '2012-05-01' })];
    const d = decide(input({ faces: [face(10, { personId: 1 })], people, consentHistory: history, date: '2026-01-15' }));
    if (d.decision !== 'redact') throw new Error(`expected redact, got ${d.decision}`);
    const reason = d.redactions[0]!.reason;
    expect(reason.code).toBe('withdrawn');
    const sentence = texts('nl').sentence(reason);
    expect(sentence).toContain('Anna Jansen');
    expect(sentence).toContain(formatDate('nl', '2025-12-01'));
    expect(sentence).toBe('Toestemming voor Anna Jansen op Website is op 1 dec 2025 ingetrokken.');
    // The core's English stays as it was, for the CLI and the audit.
    expect(reason.message).toBe('Consent for Anna Jansen on Website was withdrawn on 2025-12-01.');
  });

  it('says a face too large to blur with its cause, the shares in the language, and the cause’s fix', () => {
    const nl = texts('nl');
    const [tooLarge] = samples.face_too_large;
    expect(nl.sentence(tooLarge!)).toBe(
      'Toestemming voor Anna Jansen op Website is op 1 dec 2025 ingetrokken. Het gezicht beslaat 36% van het beeld, meer dan de 25% die vervaagd mag worden.',
    );
    expect(nl.fix(tooLarge!)).toBe(nl.fix(withdrawn));
    expect(nl.fix(withdrawn)).toContain('de ouder of verzorger');
  });
});
