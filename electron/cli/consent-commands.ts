import { consentGivers, consentStatuses } from '../../shared/types';
import { clearable, date, oneOf, text } from './arguments';
import type { CliCommand } from './command';
import { consentOverviewJson, consentRecordJson, personName, personRefJson } from './json-shapes';
import { table } from './output';

const recordShape = '{id, channel, status, given_by, given_on, valid_until, note, evidence, source, recorded_at, recorded_by}';

export const consentCommands: CliCommand[] = [
  {
    name: 'consent set',
    usage: '<person> <channel> granted|refused|withdrawn',
    summary: 'Record an answer for one person and channel (appended; history is kept).',
    details: [
      'person: the id or the external id. channel: its key (see `channels list`).',
      'Defaults: given today, by whoever must answer now (guardian under 16, the pupil from 16, self for staff);',
      'granted is valid until the end of the school year (31 July).',
      `JSON: {person: {id, external_id, name}, record: ${recordShape}}`,
    ],
    options: {
      until: { type: 'string', value: 'YYYY-MM-DD', description: 'Last day the answer is valid.' },
      by: { type: 'string', value: 'guardian|pupil|self', description: 'Who gave the answer.' },
      on: { type: 'string', value: 'YYYY-MM-DD', description: 'The day the answer was given (default today).' },
      note: { type: 'string', value: 'TEXT', description: 'A note kept with the record.' },
    },
    args: { min: 3, max: 3 },
    async run(session, input) {
      const [personRef, channel, statusArg] = input.args as [string, string, string];
      const status = oneOf(statusArg, consentStatuses, 'The answer')!;
      const givenBy = oneOf(text(input, 'by'), consentGivers, '--by');
      const validUntil = date(input, 'until');
      const givenOn = date(input, 'on');
      const note = clearable(input, 'note');
      const person = await session.call('people.get', { person: personRef });
      const record = await session.call('consent.set', { person: personRef, channel, status, givenBy, givenOn, validUntil, note });
      const until = record.validUntil ? `, valid until ${record.validUntil}` : '';
      return {
        json: { person: personRefJson(person), record: consentRecordJson(record) },
        human: `Recorded for ${personName(person)}: ${record.channel} ${record.status} by ${record.givenBy} on ${record.givenOn}${until}.`,
      };
    },
  },
  {
    name: 'consent show',
    usage: '<person>',
    summary: "A person's consent per channel now, and the full history.",
    details: [
      'current: per channel the answer in force (status null when there is none) and state, what it means on the date:',
      '  granted, refused, withdrawn, expired, needs_pupil (16 or older: the pupil must answer), invalid_giver, none.',
      'JSON: {person: {id, external_id, name}, date, current: [{channel, status, given_by, given_on, valid_until, state, required_giver}],',
      `       history: [${recordShape}] (oldest first)}`,
    ],
    options: {
      date: { type: 'string', value: 'YYYY-MM-DD', description: 'Evaluate on this day instead of today.' },
    },
    args: { min: 1, max: 1 },
    async run(session, input) {
      const overview = consentOverviewJson(await session.call('consent.show', { person: input.args[0]!, date: date(input, 'date') }));
      const { person } = overview;
      const human = [
        `${person.name}${person.external_id ? ` (${person.external_id})` : ''}, on ${overview.date}:`,
        table(
          ['CHANNEL', 'STATE', 'ANSWER', 'BY', 'ON', 'UNTIL'],
          overview.current.map((c) => [c.channel, c.state, c.status, c.given_by, c.given_on, c.valid_until]),
        ),
        '',
        overview.history.length === 0 ? 'No answers recorded yet.' : 'History (oldest first):',
        ...(overview.history.length === 0
          ? []
          : [
              table(
                ['ON', 'CHANNEL', 'ANSWER', 'BY', 'UNTIL', 'RECORDED BY', 'NOTE'],
                overview.history.map((r) => [r.given_on, r.channel, r.status, r.given_by, r.valid_until, r.recorded_by, r.note]),
              ),
            ]),
      ].join('\n');
      return { json: overview, human };
    },
  },
];
