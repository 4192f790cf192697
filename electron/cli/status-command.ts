import type { CliCommand } from './command';
import { statusJson } from './json-shapes';
import { pairs } from './output';

export const statusCommands: CliCommand[] = [
  {
    name: 'status',
    usage: '',
    summary: 'Counts, the library folder and its integrity.',
    details: ['JSON: {media, people, consents, library, integrity: "ok" or what is wrong, schema_version}'],
    args: { min: 0, max: 0 },
    async run(session) {
      const status = statusJson(await session.call('library.status', {}));
      const human = pairs([
        ['Library', status.library],
        ['Media', status.media],
        ['People', status.people],
        ['Consent records', status.consents],
        ['Integrity', status.integrity],
      ]);
      return { json: status, human };
    },
  },
];
