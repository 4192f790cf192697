import { text } from './arguments';
import type { CliCommand } from './command';
import { channelJson, personJson } from './json-shapes';
import { classByName, schoolByKey } from './lookups';
import { count, table } from './output';

export const peopleCommands: CliCommand[] = [
  {
    name: 'people list',
    usage: '',
    summary: 'List people, optionally of one school or class.',
    details: ['JSON: [{id, external_id, name, first_name, last_name, role: "pupil"|"staff", school, class, date_of_birth}]'],
    options: {
      school: { type: 'string', value: 'KEY', description: 'Only people of this school.' },
      class: { type: 'string', value: 'NAME', description: 'Only people of this class.' },
      search: { type: 'string', value: 'TEXT', description: 'Only people whose name or external id contains this.' },
    },
    args: { min: 0, max: 0 },
    async run(session, input) {
      const org = await session.call('org.get', {});
      const schoolKey = text(input, 'school');
      const className = text(input, 'class');
      const schoolId = schoolKey === undefined ? undefined : schoolByKey(org, schoolKey).id;
      const classId = className === undefined ? undefined : classByName(org, className, schoolId).id;
      const people = (await session.call('people.list', { schoolId, classId, search: text(input, 'search') })).map((p) => personJson(p, org));
      const human =
        people.length === 0
          ? 'No people found.'
          : table(
              ['ID', 'EXTERNAL ID', 'NAME', 'ROLE', 'SCHOOL', 'CLASS', 'BORN'],
              people.map((p) => [p.id, p.external_id, p.name, p.role, p.school, p.class, p.date_of_birth]),
            ) + `\n${count(people.length, 'person', 'people')}.`;
      return { json: people, human };
    },
  },
  {
    name: 'channels list',
    usage: '',
    summary: 'The channels consent is asked for, with the keys the other commands use.',
    details: ['JSON: [{key, name, kind: "internal"|"external"|"social", builtin}]'],
    args: { min: 0, max: 0 },
    async run(session) {
      const channels = (await session.call('org.get', {})).channels.map(channelJson);
      return { json: channels, human: table(['KEY', 'NAME', 'KIND'], channels.map((c) => [c.key, c.name, c.kind])) };
    },
  },
];
