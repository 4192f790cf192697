/** English texts of a person's timeline in the audit view. */
export const timelineEn = {
  title: 'What happened, step by step',
  lead: 'Consent answers, photos and videos tagged, publications and take-downs of {{name}}, oldest first. The log entries below show every detail.',
  empty: 'Nothing has happened for this person yet.',
  by: 'by {{by}}',
  byClearFrame: 'ClearFrame asks for this',
  consent: {
    granted: 'Consent granted for {{channel}}',
    refused: 'Consent refused for {{channel}}',
    withdrawn: 'Consent withdrawn for {{channel}}',
  },
  consentDetail: 'Given by {{givenBy}} on {{givenOn}}',
  consentUntil: 'Given by {{givenBy}} on {{givenOn}}, valid until {{validUntil}}',
  tagged: 'Tagged in {{media}}',
  untagged: 'No longer tagged in {{media}}',
  mediaNumber: 'photo or video {{id}}',
  published: {
    visible: 'Shown in publication {{id}} on {{channel}}',
    blurred: 'Blurred in publication {{id}} on {{channel}}',
  },
  publishedDetail_one: '{{identity}}, {{count}} file',
  publishedDetail_other: '{{identity}}, {{count}} files',
  takedown_pending: 'Publication {{id}} on {{channel}} must be taken down',
  taken_down: 'Publication {{id}} on {{channel}} taken down',
  kinds: { consent: 'Consent', tagged: 'Tag', untagged: 'Tag', published: 'Publication', takedown_pending: 'Take-down', taken_down: 'Take-down' },
};
