import type { timelineEn } from './timeline-texts.en';

type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };

/** Nederlandse teksten van de tijdlijn van een persoon in het auditlogboek. */
export const timelineNl: Texts<typeof timelineEn> = {
  title: 'Wat er gebeurde, stap voor stap',
  lead: 'Toestemmingen, foto’s en video’s waarop {{name}} is getagd, publicaties en verwijderingen, oudste eerst. De regels van het logboek hieronder tonen elk detail.',
  empty: 'Voor deze persoon is nog niets gebeurd.',
  by: 'door {{by}}',
  byClearFrame: 'ClearFrame vraagt hierom',
  consent: {
    granted: 'Toestemming gegeven voor {{channel}}',
    refused: 'Toestemming geweigerd voor {{channel}}',
    withdrawn: 'Toestemming ingetrokken voor {{channel}}',
  },
  consentDetail: 'Gegeven door {{givenBy}} op {{givenOn}}',
  consentUntil: 'Gegeven door {{givenBy}} op {{givenOn}}, geldig tot {{validUntil}}',
  tagged: 'Getagd op {{media}}',
  untagged: 'Niet meer getagd op {{media}}',
  mediaNumber: 'foto of video {{id}}',
  published: {
    visible: 'Zichtbaar in publicatie {{id}} op {{channel}}',
    blurred: 'Onherkenbaar gemaakt in publicatie {{id}} op {{channel}}',
  },
  publishedDetail_one: '{{identity}}, {{count}} bestand',
  publishedDetail_other: '{{identity}}, {{count}} bestanden',
  takedown_pending: 'Publicatie {{id}} op {{channel}} moet offline',
  taken_down: 'Publicatie {{id}} op {{channel}} offline gehaald',
  kinds: { consent: 'Toestemming', tagged: 'Tag', untagged: 'Tag', published: 'Publicatie', takedown_pending: 'Offline halen', taken_down: 'Offline gehaald' },
};
