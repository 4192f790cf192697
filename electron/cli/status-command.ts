import type { CliCommand } from './command';
import { restoreAdvice } from './library-commands';
import { statusJson } from './json-shapes';
import { pairs } from './output';

export const statusCommands: CliCommand[] = [
  {
    name: 'status',
    usage: '',
    summary: 'Counts, the library folder and its integrity (exit 1, with a backup to restore, when damaged).',
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
      if (status.integrity !== 'ok') return { json: status, human, failure: restoreAdvice(await session.call('backup.list', {})) };
      return { json: status, human };
    },
  },
];
