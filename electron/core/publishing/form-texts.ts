/** The words on a printed consent form, in plain Dutch and English: parents read them, not lawyers. */
export const formTexts = {
  en: {
    title: 'Permission for photos and videos',
    intro:
      'We like to show what happens at school. Photos and videos in which your child can be recognised are only published where you allow it. ' +
      'Please tick yes or no for each channel and return this form. You may change your answer at any time.',
    pupil: 'Pupil',
    class: 'Class',
    born: 'Date of birth',
    validUntil: 'This answer is valid until',
    channel: 'Where',
    yes: 'Yes',
    no: 'No',
    now: 'Current answer',
    signedBy: { guardian: 'Signature of parent or guardian', pupil: 'Signature of the pupil (16 or older)', self: 'Signature' },
    date: 'Date',
    states: { granted: 'yes', refused: 'no', withdrawn: 'withdrawn', none: '—' },
  },
  nl: {
    title: 'Toestemming voor foto’s en video’s',
    intro:
      'We laten graag zien wat er op school gebeurt. Foto’s en video’s waarop uw kind herkenbaar is, publiceren we alleen waar u toestemming voor geeft. ' +
      'Kruis per kanaal ja of nee aan en lever dit formulier weer in. U kunt uw antwoord altijd wijzigen.',
    pupil: 'Leerling',
    class: 'Groep',
    born: 'Geboortedatum',
    validUntil: 'Dit antwoord geldt tot en met',
    channel: 'Waar',
    yes: 'Ja',
    no: 'Nee',
    now: 'Huidig antwoord',
    signedBy: { guardian: 'Handtekening ouder of verzorger', pupil: 'Handtekening leerling (16 jaar of ouder)', self: 'Handtekening' },
    date: 'Datum',
    states: { granted: 'ja', refused: 'nee', withdrawn: 'ingetrokken', none: '—' },
  },
} as const;

export type FormLanguage = keyof typeof formTexts;
