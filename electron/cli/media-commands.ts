import type { MediaFilter } from '../../shared/contract/media';
import type { Organisation } from '../../shared/contract/people';
import { licenses, mediaKinds } from '../../shared/types';
import { clearable, date, flag, oneOf, positiveInt, text } from './arguments';
import { usageError } from './cli-error';
import type { CliCommand, CommandInput } from './command';
import { mediaJson } from './json-shapes';
import { schoolByKey } from './lookups';
import { count, table } from './output';

const mediaShape =
  '{id, sha256, kind: "photo"|"video", name, mime, byte_size, width, height, duration_s, captured_at, imported_at,\n' +
  '  creator, rights_holder, license, credit, event, school, batch, warnings}';

/** The core pages at most this many tiles per request. */
const pageSize = 1000;

export const mediaCommands: CliCommand[] = [
  {
    name: 'media list',
    usage: '',
    summary: 'List media, newest first, optionally filtered.',
    details: [`JSON: [${mediaShape}]`],
    options: {
      kind: { type: 'string', value: 'photo|video', description: 'Only photos or only videos.' },
      school: { type: 'string', value: 'KEY', description: 'Only media of this school.' },
      batch: { type: 'string', value: 'N', description: 'Only media of this import batch.' },
      from: { type: 'string', value: 'YYYY-MM-DD', description: 'Captured (or imported) on or after this day.' },
      to: { type: 'string', value: 'YYYY-MM-DD', description: 'Captured (or imported) on or before this day.' },
      'has-errors': { type: 'boolean', description: 'Only media with warnings from import.' },
      limit: { type: 'string', value: 'N', description: 'At most N items (default: all).' },
    },
    args: { min: 0, max: 0 },
    async run(session, input) {
      const org = await session.call('org.get', {});
      const filter = listFilter(org, input);
      const limit = positiveInt(input, 'limit') ?? Number.POSITIVE_INFINITY;
      const items = [];
      for (let offset = 0; items.length < limit; offset += pageSize) {
        const page = await session.call('media.list', { filter, offset, limit: pageSize });
        for (const tile of page.items.slice(0, limit - items.length)) {
          items.push(mediaJson(await session.call('media.get', { media: String(tile.id) }), org));
        }
        if (offset + page.items.length >= page.total || page.items.length === 0) break;
      }
      const human =
        items.length === 0
          ? 'No media found.'
          : table(
              ['ID', 'KIND', 'CAPTURED', 'NAME', 'CREATOR', 'LICENSE'],
              items.map((m) => [m.id, m.kind, m.captured_at?.slice(0, 10), m.name, m.creator, m.license]),
            ) + `\n${count(items.length, 'item')}.`;
      return { json: items, human };
    },
  },
  {
    name: 'media set',
    usage: '<media>',
    summary: 'Set the rights fields of one media item (by id or sha256).',
    details: ['An empty value clears a field, e.g. --credit "".', `JSON: ${mediaShape}`],
    options: {
      creator: { type: 'string', value: 'NAME', description: 'Who made the photo or video.' },
      'rights-holder': { type: 'string', value: 'NAME', description: 'Who holds the copyright.' },
      license: { type: 'string', value: 'KEY', description: `One of: ${licenses.join(', ')}.` },
      credit: { type: 'string', value: 'TEXT', description: 'The credit line to publish with it.' },
      event: { type: 'string', value: 'TEXT', description: 'The event it was taken at.' },
    },
    args: { min: 1, max: 1 },
    async run(session, input) {
      const change = {
        creator: clearable(input, 'creator'),
        rightsHolder: clearable(input, 'rights-holder'),
        license: oneOf(text(input, 'license'), licenses, '--license'),
        credit: clearable(input, 'credit'),
        eventName: clearable(input, 'event'),
      };
      if (Object.values(change).every((v) => v === undefined)) {
        throw usageError('Say what to set: --creator, --rights-holder, --license, --credit or --event.');
      }
      const media = await session.call('media.update', { media: input.args[0]!, ...change });
      const item = mediaJson(media, await session.call('org.get', {}));
      return { json: item, human: `Updated ${item.name} (id ${item.id}).` };
    },
  },
];

function listFilter(org: Organisation, input: CommandInput): MediaFilter {
  const from = date(input, 'from');
  const to = date(input, 'to');
  if (from && to && to < from) throw usageError(`--to ${to} is before --from ${from}.`);
  const school = text(input, 'school');
  return {
    kind: oneOf(text(input, 'kind'), mediaKinds, '--kind'),
    schoolId: school === undefined ? undefined : schoolByKey(org, school).id,
    batchId: positiveInt(input, 'batch'),
    from,
    to,
    hasErrors: flag(input, 'has-errors') || undefined,
  };
}
