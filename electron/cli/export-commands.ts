import { resolve } from 'node:path';
import { redactionStyles } from '../../shared/contract/export';
import { audioRightsValues } from '../../shared/domain/decision-input';
import { clearable, date, flag, oneOf, text } from './arguments';
import { exitCodes, usageError } from './cli-error';
import type { CliCommand, CommandInput, CommandOutcome } from './command';
import { checkJson, exportJson, marksJson, publicationJson } from './export-json';
import { count, table } from './output';
import { followJob } from './follow-job';
import type { Session } from './session';

/** `<media…>` or `--all`, never both and never neither. */
function selection(input: CommandInput): { media: string[]; all: boolean } {
  const all = flag(input, 'all');
  if (all && input.args.length > 0) throw usageError('Name media or use --all, not both.');
  if (!all && input.args.length === 0) throw usageError('Name the media (by id or sha256), or use --all.');
  return { media: input.args, all };
}

function required(input: CommandInput, name: string): string {
  const v = text(input, name);
  if (v === undefined || v.trim() === '') throw usageError(`--${name} is required.`);
  return v;
}

const identityOption = { type: 'string', value: 'KEY', description: '"foundation" or a school key (as in the people CSV).' } as const;

const publicationShape =
  '[{id, created_at, by, channel, identity, files: [{media, file, sha256}], visible: [external_id or id], blurred: [external_id or id],\n' +
  '  take_down: "none"|"pending"|"done"}]';

export const exportCommands: CliCommand[] = [
  {
    name: 'check',
    usage: '<media…>|--all',
    summary: 'Decide per media item whether it may go to a channel: publishable, redact (with the faces to blur) or blocked.',
    details: [
      'Reasons are listed most serious first. Without --date the decision is for today.',
      'JSON: [{media, decision: "publishable"|"redact"|"blocked", redactions: [{face, reason}], reasons: [{code, message}]}]',
    ],
    options: {
      all: { type: 'boolean', description: 'Every media item in the library.' },
      channel: { type: 'string', value: 'KEY', description: 'The channel, e.g. website or facebook (required).' },
      identity: identityOption,
      date: { type: 'string', value: 'YYYY-MM-DD', description: 'Decide as of this day (default today).' },
      'remove-audio': { type: 'boolean', description: 'Decide for videos exported without their sound.' },
    },
    args: { min: 0 },
    async run(session, input) {
      const checked = await session.call('export.check', {
        ...selection(input),
        channel: required(input, 'channel'),
        identity: text(input, 'identity'),
        date: date(input, 'date'),
        removeAudio: flag(input, 'remove-audio'),
      });
      const json = checked.map(checkJson);
      const human =
        table(
          ['MEDIA', 'NAME', 'DECISION', 'WHY'],
          checked.map((c, i) => {
            const j = json[i]!;
            const why = j.decision === 'blocked' ? j.reasons.map((r) => r.message).join(' ') : j.decision === 'redact' ? `${count(j.redactions.length, 'face')} to blur` : '';
            return [c.mediaId, c.name, c.decision.decision, why];
          }),
        ) + `\n${count(checked.length, 'item')} checked.`;
      return { json, human };
    },
  },
  {
    name: 'export',
    usage: '<media…>|--all',
    summary: 'Write the media that may go to a channel into a folder, faces redacted and attribution added; list what is blocked.',
    details: [
      'Blocked media are never written; each is listed with its reasons and the fix. A blocked export exits 0.',
      'Files are named <identity>-<channel>-<date>-<n>.jpg|.mp4 and recorded in the publication register.',
      'JSON: {exported: [{media, file, sha256, blurred}], blocked: [{media, reasons: [{code, message, fix}]}]}',
      '  blurred: how many faces (a video track counts once) were redacted in the file.',
    ],
    options: {
      all: { type: 'boolean', description: 'Every media item in the library.' },
      channel: { type: 'string', value: 'KEY', description: 'The channel to publish on (required).' },
      identity: { ...identityOption, description: `${identityOption.description} Required.` },
      out: { type: 'string', value: 'DIR', description: 'The folder to write into (made if missing; required).' },
      style: { type: 'string', value: 'blur|pixelate', description: 'How faces are redacted (default blur).' },
      'remove-audio': { type: 'boolean', description: 'Drop the sound of videos.' },
    },
    args: { min: 0 },
    run: runExport,
  },
  {
    name: 'publications',
    usage: '',
    summary: 'The publication register: every export, who is visible and blurred in it, and what must be taken down.',
    details: [
      'A publication is "pending" take-down when someone visible in it has since withdrawn or refused consent for its channel.',
      `JSON: ${publicationShape}`,
    ],
    options: {
      person: { type: 'string', value: 'PERSON', description: 'Only publications this person (id or external id) is in.' },
      'to-take-down': { type: 'boolean', description: 'Only publications that must be taken down.' },
    },
    args: { min: 0, max: 0 },
    async run(session, input) {
      const list = await session.call('publications.list', { person: text(input, 'person'), toTakeDown: flag(input, 'to-take-down') });
      const json = list.map(publicationJson);
      const human =
        list.length === 0
          ? 'No publications found.'
          : table(
              ['ID', 'CREATED', 'BY', 'CHANNEL', 'IDENTITY', 'FILES', 'VISIBLE', 'BLURRED', 'TAKE DOWN'],
              json.map((p) => [p.id, p.created_at.slice(0, 16), p.by, p.channel, p.identity, p.files.length, p.visible.join(' '), p.blurred.join(' '), p.take_down]),
            );
      return { json, human };
    },
  },
  {
    name: 'publications done',
    usage: '<id>',
    summary: 'Record that a publication to take down has been removed from its channel.',
    details: [`JSON: the publication, as in "publications"`],
    args: { min: 1, max: 1 },
    async run(session, input) {
      const raw = input.args[0]!;
      if (!/^\d{1,15}$/.test(raw) || Number(raw) < 1) throw usageError(`"${raw}" is not a publication id: use the number "publications" shows.`);
      const id = Number(raw);
      const publication = await session.call('publications.done', { id });
      return { json: publicationJson(publication), human: `Publication ${id} is marked as taken down.` };
    },
  },
  {
    name: 'media mark',
    usage: '<media>',
    summary: 'Mark media confidential or not for publication, record whose sound a video has, or a third party\'s permission.',
    details: [
      'An empty value lifts a mark, e.g. --not-for-publication "" or --permission "".',
      'JSON: {media, confidential, not_for_publication, audio_rights, permission: {channels, until, evidence} | null}',
    ],
    options: {
      confidential: { type: 'string', value: 'yes|no', description: 'Holds confidential information (rule 3).' },
      'not-for-publication': { type: 'string', value: 'REASON', description: 'May not be published anywhere, and why (rule 8).' },
      audio: { type: 'string', value: audioRightsValues.join('|'), description: "Whose sound a video has: the school's own, someone else's, unknown." },
      permission: { type: 'string', value: 'CHANNEL,…', description: "The channels a third party's permission covers (rule 6)." },
      until: { type: 'string', value: 'YYYY-MM-DD', description: 'Last day of that permission.' },
      evidence: { type: 'string', value: 'TEXT', description: 'Where the permission is on record.' },
    },
    args: { min: 1, max: 1 },
    async run(session, input) {
      const confidential = oneOf(text(input, 'confidential'), ['yes', 'no'], '--confidential');
      const permission = clearable(input, 'permission');
      const change = {
        confidential: confidential === undefined ? undefined : confidential === 'yes',
        notForPublication: clearable(input, 'not-for-publication'),
        audioRights: oneOf(text(input, 'audio'), audioRightsValues, '--audio'),
        thirdPartyPermission:
          permission === undefined
            ? undefined
            : permission === null
              ? null
              : { channels: permission.split(',').map((c) => c.trim()).filter(Boolean), until: date(input, 'until') ?? null, evidence: clearable(input, 'evidence') ?? null },
      };
      if (Object.values(change).every((v) => v === undefined)) {
        throw usageError('Say what to mark: --confidential, --not-for-publication, --audio or --permission.');
      }
      const marks = await session.call('media.setMarks', { media: input.args[0]!, ...change });
      return { json: marksJson(marks), human: `Marks of media ${marks.mediaId} updated.` };
    },
  },
];

async function runExport(session: Session, input: CommandInput): Promise<CommandOutcome> {
  const request = {
    ...selection(input),
    channel: required(input, 'channel'),
    identity: required(input, 'identity'),
    outDir: resolve(required(input, 'out')),
    style: oneOf(text(input, 'style'), redactionStyles, '--style') ?? 'blur',
    removeAudio: flag(input, 'remove-audio'),
  };
  const ctx = await session.context('export.start');
  const lib = await session.library();
  const [{ startExport }, { endExifTool }] = await Promise.all([import('../core/export/export-service'), import('../core/export/exif-tool')]);
  const job = startExport(lib, ctx, request);
  try {
    const report = await followJob(session, job, 'Exporting', 'Cancelling the export: nothing will be written…');
    const json = exportJson(report);
    const lines = [
      `Exported ${count(report.exported.length, 'file')} to ${report.outDir}${report.publicationId ? ` (publication ${report.publicationId})` : ''}; ${report.blocked.length} blocked.`,
      ...report.exported.map((e) => `  ${e.file}${e.blurred ? ` (${count(e.blurred, 'face')} blurred)` : ''}`),
      ...report.blocked.flatMap((b) => [`  blocked: ${b.name} (media ${b.mediaId})`, ...b.reasons.map((r) => `    ${r.message} Fix: ${r.fix}`)]),
    ];
    if (report.failed.length === 0) return { json, human: lines.join('\n') };
    return {
      json,
      human: lines.join('\n'),
      failure: `${count(report.failed.length, 'media item')} could not be exported: ${report.failed.map((f) => `${f.name} (media ${f.mediaId}): ${f.error}`).join('; ')}`,
      exitCode: exitCodes.failure,
    };
  } finally {
    await endExifTool(lib);
  }
}
