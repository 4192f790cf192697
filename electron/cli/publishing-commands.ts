import { resolve } from 'node:path';
import type { Doubt, Post, PostSummary, PublishingIdentityView, ReleaseReport } from '../../shared/contract/publishing';
import { postStatuses } from '../../shared/contract/publishing';
import { date, flag, oneOf, positiveInt, text } from './arguments';
import { usageError } from './cli-error';
import type { CliCommand, CommandInput } from './command';
import { classByName, schoolByKey } from './lookups';
import { count, table } from './output';

/** The JSON of the publishing commands: snake_case, mapped field by field like the other commands. */
const identityJson = (i: PublishingIdentityView) => ({
  key: i.key,
  name: i.name,
  kind: i.kind,
  channels: i.channels.map((c) => ({
    channel: c.channel,
    account: c.account,
    url: c.url,
    presets: { photo_max_edge: c.photoMaxEdge, jpeg_quality: c.jpegQuality, video_max_edge: c.videoMaxEdge, video_max_kbps: c.videoMaxKbps },
  })),
});

const doubtJson = (d: Doubt) => ({
  id: d.id,
  post: d.postId,
  media: d.mediaId,
  identity: d.identity,
  question: d.question,
  asked_by: d.askedBy,
  status: d.status,
  answer: d.answer,
  reason: d.reason,
  answered_by: d.answeredBy,
});

const postJson = (p: Post) => ({
  id: p.id,
  identity: p.identity,
  channel: p.channel,
  account: p.account,
  caption: p.caption,
  planned_on: p.plannedOn,
  third_party_content: p.thirdPartyContent,
  status: p.status,
  author: p.author,
  decided_by: p.decidedBy,
  reject_reason: p.rejectReason,
  publication: p.publicationId,
  media: p.media.map((m) => ({
    media: m.mediaId,
    decision: m.decision.decision,
    reasons: m.decision.decision === 'blocked' ? m.decision.reasons.map((r) => ({ code: r.code, message: r.message, fix: r.fix })) : [],
  })),
  doubts: p.doubts.map(doubtJson),
});

const summaryJson = (p: PostSummary) => ({
  id: p.id,
  identity: p.identity,
  channel: p.channel,
  status: p.status,
  author: p.author,
  media: p.mediaCount,
  open_doubts: p.openDoubts,
  caption: p.caption,
  planned_on: p.plannedOn,
});

const releaseJson = (r: ReleaseReport) => ({
  post: postJson(r.post),
  publication: r.publicationId,
  exported: r.exported.map((e) => ({ media: e.mediaId, file: e.file, sha256: e.sha256, blurred: e.blurred })),
  blocked: r.blocked.map((b) => ({ media: b.mediaId, reasons: b.reasons.map((x) => ({ code: x.code, message: x.message, fix: x.fix })) })),
  failed: r.failed.map((f) => ({ media: f.mediaId, error: f.error })),
});

function required(input: CommandInput, name: string): string {
  const v = text(input, name);
  if (v === undefined || v.trim() === '') throw usageError(`--${name} is required.`);
  return v;
}

function postId(raw: string): number {
  if (!/^\d{1,15}$/.test(raw) || Number(raw) < 1) throw usageError(`"${raw}" is not a post id: use the number "posts list" shows.`);
  return Number(raw);
}

function postHuman(p: Post): string {
  const lines = [
    `Post ${p.id} (${p.status}) for ${p.identityName} on ${p.channelName}${p.account ? ` (${p.account})` : ''}, by ${p.author}.`,
    ...p.media.map((m) => {
      const d = m.decision;
      const why = d.decision === 'blocked' ? `: ${d.reasons.map((r) => r.message).join(' ')}` : '';
      return `  media ${m.mediaId} ${m.name}: ${d.decision}${why}`;
    }),
    ...p.doubts.filter((d) => d.status === 'open').map((d) => `  open question ${d.id}: ${d.question}`),
  ];
  if (p.rejectReason) lines.push(`  Rejected by ${p.decidedBy}: ${p.rejectReason}`);
  return lines.join('\n');
}

const presetOptions = {
  'photo-max-edge': { type: 'string', value: 'PX', description: 'Longest side of exported photos.' },
  'jpeg-quality': { type: 'string', value: 'Q', description: 'JPEG quality, 40 to 100.' },
  'video-max-edge': { type: 'string', value: 'PX', description: 'Longest side of exported videos.' },
  'video-max-kbps': { type: 'string', value: 'KBPS', description: 'Peak video bitrate.' },
} as const;

export const publishingCommands: CliCommand[] = [
  {
    name: 'identities list',
    usage: '',
    summary: 'The publishing identities (the foundation and each school) with their official channels.',
    details: ['JSON: [{key, name, kind: "foundation"|"school", channels: [{channel, account, url, presets}]}]'],
    args: { min: 0, max: 0 },
    async run(session) {
      const list = await session.call('identities.list', {});
      const human = table(
        ['IDENTITY', 'NAME', 'OFFICIAL CHANNELS'],
        list.map((i) => [i.key, i.name, i.channels.map((c) => `${c.channel} (${c.account})`).join(', ') || 'none yet']),
      );
      return { json: list.map(identityJson), human };
    },
  },
  {
    name: 'channels official',
    usage: 'add|remove <identity> <channel>',
    summary: 'Add (or change) or remove an official account of an identity on a channel (rule 13).',
    details: ['Only official channels can be chosen for a post.', 'JSON: the identity, as in "identities list".'],
    options: {
      account: { type: 'string', value: 'NAME', description: 'The account name, e.g. @ourschool (required for add).' },
      url: { type: 'string', value: 'URL', description: 'The address of the account.' },
      ...presetOptions,
    },
    args: { min: 3, max: 3 },
    async run(session, input) {
      const [action, identity, channel] = input.args as [string, string, string];
      if (action === 'remove') {
        const view = await session.call('identities.removeChannel', { identity, channel });
        return { json: identityJson(view), human: `${channel} is no longer an official channel of ${view.name}.` };
      }
      if (action !== 'add') throw usageError(`"${action}" is not add or remove.`);
      const view = await session.call('identities.addChannel', {
        identity,
        channel,
        account: required(input, 'account'),
        url: text(input, 'url') ?? null,
        photoMaxEdge: positiveInt(input, 'photo-max-edge') ?? null,
        jpegQuality: positiveInt(input, 'jpeg-quality') ?? null,
        videoMaxEdge: positiveInt(input, 'video-max-edge') ?? null,
        videoMaxKbps: positiveInt(input, 'video-max-kbps') ?? null,
      });
      return { json: identityJson(view), human: `${channel} (${required(input, 'account')}) is an official channel of ${view.name}.` };
    },
  },
  {
    name: 'posts list',
    usage: '',
    summary: 'Posts with their status: draft, submitted (awaiting release), released or rejected.',
    details: ['JSON: [{id, identity, channel, status, author, media, open_doubts, caption, planned_on}]'],
    options: { status: { type: 'string', value: postStatuses.join('|'), description: 'Only posts with this status.' } },
    args: { min: 0, max: 0 },
    async run(session, input) {
      const list = await session.call('posts.list', { status: oneOf(text(input, 'status'), postStatuses, '--status') });
      const human =
        list.length === 0
          ? 'No posts.'
          : table(['ID', 'STATUS', 'IDENTITY', 'CHANNEL', 'AUTHOR', 'MEDIA', 'QUESTIONS'], list.map((p) => [p.id, p.status, p.identity, p.channel, p.author, p.mediaCount, p.openDoubts]));
      return { json: list.map(summaryJson), human };
    },
  },
  {
    name: 'posts show',
    usage: '<id>',
    summary: 'A post with the decision for each media item as of today and its questions.',
    details: ['JSON: {id, identity, channel, status, author, media: [{media, decision, reasons}], doubts: [...]}'],
    args: { min: 1, max: 1 },
    async run(session, input) {
      const post = await session.call('posts.get', { id: postId(input.args[0]!) });
      return { json: postJson(post), human: postHuman(post) };
    },
  },
  {
    name: 'posts create',
    usage: '<media…>',
    summary: 'Prepare a post for an official channel of an identity; it starts as a draft.',
    details: ['JSON: the post, as in "posts show".'],
    options: {
      identity: { type: 'string', value: 'KEY', description: '"foundation" or a school key (required).' },
      channel: { type: 'string', value: 'KEY', description: 'An official channel of the identity (required).' },
      caption: { type: 'string', value: 'TEXT', description: 'The text of the post.' },
      planned: { type: 'string', value: 'YYYY-MM-DD', description: 'The day it is meant to go out.' },
      'third-party': { type: 'boolean', description: 'It may show logos or artwork of others: the releaser must check it.' },
    },
    args: { min: 1 },
    async run(session, input) {
      const post = await session.call('posts.create', {
        identity: required(input, 'identity'),
        channel: required(input, 'channel'),
        media: input.args,
        caption: text(input, 'caption') ?? null,
        plannedOn: date(input, 'planned') ?? null,
        thirdPartyContent: flag(input, 'third-party'),
      });
      return { json: postJson(post), human: `Created post ${post.id} (draft).\n${postHuman(post)}` };
    },
  },
  {
    name: 'posts submit',
    usage: '<id>',
    summary: "Hand a draft to the identity's management or board for release.",
    details: ['JSON: the post, as in "posts show".'],
    args: { min: 1, max: 1 },
    async run(session, input) {
      const post = await session.call('posts.submit', { id: postId(input.args[0]!) });
      return { json: postJson(post), human: `Post ${post.id} is submitted and awaits release.` };
    },
  },
  {
    name: 'posts release',
    usage: '<id>',
    summary: 'Release a submitted post (someone other than its author): decide again now and export what may go.',
    details: [
      'Blocked media are not written and are listed with their reasons; the post stays submitted if nothing could go.',
      'JSON: {post, publication, exported: [{media, file, sha256, blurred}], blocked: [{media, reasons}], failed: [{media, error}]}',
    ],
    options: {
      out: { type: 'string', value: 'DIR', description: 'The folder to write into (required).' },
      'third-party-checked': { type: 'boolean', description: 'Confirms the logos and artwork in a post flagged for it may be published.' },
    },
    args: { min: 1, max: 1 },
    async run(session, input) {
      try {
        const report = await session.call('posts.release', {
          id: postId(input.args[0]!),
          outDir: resolve(required(input, 'out')),
          thirdPartyChecked: flag(input, 'third-party-checked'),
        });
        const lines = [
          report.publicationId !== null
            ? `Released post ${report.post.id}: ${count(report.exported.length, 'file')} in ${report.outDir} (publication ${report.publicationId}).`
            : `Nothing of post ${report.post.id} may be published now; it stays submitted.`,
          ...report.exported.map((e) => `  ${e.file}${e.blurred ? ` (${count(e.blurred, 'face')} blurred)` : ''}`),
          ...report.blocked.flatMap((b) => [`  blocked: ${b.name} (media ${b.mediaId})`, ...b.reasons.map((r) => `    ${r.message} Fix: ${r.fix}`)]),
        ];
        return { json: releaseJson(report), human: lines.join('\n') };
      } finally {
        const { endExifTool } = await import('../core/export/exif-tool');
        await endExifTool(await session.library());
      }
    },
  },
  {
    name: 'posts reject',
    usage: '<id>',
    summary: 'Turn a submitted post down, with a reason for its author.',
    details: ['JSON: the post, as in "posts show".'],
    options: { reason: { type: 'string', value: 'TEXT', description: 'Why (required).' } },
    args: { min: 1, max: 1 },
    async run(session, input) {
      const post = await session.call('posts.reject', { id: postId(input.args[0]!), reason: required(input, 'reason') });
      return { json: postJson(post), human: `Post ${post.id} is rejected: ${post.rejectReason}` };
    },
  },
  {
    name: 'doubt ask',
    usage: 'media|post <ref>',
    summary: "In doubt? Ask: send a question about a media item or a post to the management; it is blocked until answered.",
    details: ['JSON: {id, post, media, identity, question, asked_by, status, answer, reason, answered_by}'],
    options: { question: { type: 'string', value: 'TEXT', description: 'What you are unsure about (required).' } },
    args: { min: 2, max: 2 },
    async run(session, input) {
      const [kind, ref] = input.args as [string, string];
      if (kind !== 'media' && kind !== 'post') throw usageError(`"${kind}" is not media or post.`);
      const target = kind === 'post' ? { post: postId(ref) } : { media: ref };
      const doubt = await session.call('doubts.ask', { ...target, question: required(input, 'question') });
      return { json: doubtJson(doubt), human: `Question ${doubt.id} is in the review queue of ${doubt.identityName}.` };
    },
  },
  {
    name: 'doubt list',
    usage: '',
    summary: 'The review queue: questions you may answer or asked yourself (--all for every question).',
    details: ['JSON: [question, as in "doubt ask"]'],
    options: { all: { type: 'boolean', description: 'Every question, answered ones too.' } },
    args: { min: 0, max: 0 },
    async run(session, input) {
      const all = flag(input, 'all');
      const list = await session.call('doubts.list', { status: all ? undefined : 'open', mine: !all });
      const human =
        list.length === 0
          ? 'No questions.'
          : table(['ID', 'STATUS', 'ABOUT', 'FOR', 'ASKED BY', 'QUESTION'], list.map((d) => [d.id, d.status, d.postId ? `post ${d.postId}` : `media ${d.mediaId}`, d.identity, d.askedBy, d.question]));
      return { json: list.map(doubtJson), human };
    },
  },
  {
    name: 'doubt answer',
    usage: '<id>',
    summary: 'Answer a question; --approve clears it, --reject marks the media "not for publication" (or rejects the post).',
    details: ['JSON: the question, as in "doubt ask".'],
    options: {
      answer: { type: 'string', value: 'TEXT', description: 'The answer (required).' },
      approve: { type: 'boolean', description: 'It may be published.' },
      reject: { type: 'boolean', description: 'It may not be published (needs --reason).' },
      reason: { type: 'string', value: 'TEXT', description: 'Why it may not be published.' },
    },
    args: { min: 1, max: 1 },
    async run(session, input) {
      const raw = input.args[0]!;
      if (!/^\d{1,15}$/.test(raw)) throw usageError(`"${raw}" is not a question id: use the number "doubt list" shows.`);
      if (flag(input, 'approve') && flag(input, 'reject')) throw usageError('Use --approve or --reject, not both.');
      if (flag(input, 'reject') && text(input, 'reason') === undefined) throw usageError('--reject needs --reason.');
      const verdict = flag(input, 'approve') ? 'approve' : flag(input, 'reject') ? 'reject' : 'answer';
      const doubt = await session.call('doubts.answer', { id: Number(raw), answer: required(input, 'answer'), verdict, reason: text(input, 'reason') });
      return { json: doubtJson(doubt), human: `Question ${doubt.id} is ${doubt.status}.` };
    },
  },
  {
    name: 'consent expiring',
    usage: '',
    summary: 'Consents that end within some days (default 30) or with the school year, and pupils turning 16 soon.',
    details: [
      'From the 16th birthday the pupil answers personally; the guardian\'s consent no longer counts.',
      'JSON: {expiring: [{person, external_id, name, class, channel, valid_until, school_year_end}], turning_16: [{person, external_id, name, class, own_consent_from, current_givers}]}',
    ],
    options: {
      days: { type: 'string', value: 'N', description: 'How far ahead to look (default 30).' },
      date: { type: 'string', value: 'YYYY-MM-DD', description: 'Look from this day (default today).' },
    },
    args: { min: 0, max: 0 },
    async run(session, input) {
      const r = await session.call('consent.expiring', { days: positiveInt(input, 'days') ?? 30, date: date(input, 'date') });
      const json = {
        expiring: r.expiring.map((e) => ({ person: e.personId, external_id: e.externalId, name: e.name, class: e.className, channel: e.channel, valid_until: e.validUntil, school_year_end: e.schoolYearEnd })),
        turning_16: r.turningSixteen.map((t) => ({ person: t.personId, external_id: t.externalId, name: t.name, class: t.className, own_consent_from: t.ownConsentFrom, current_givers: t.currentGivers })),
      };
      const human = [
        r.expiring.length === 0 ? 'No consents expire in that time.' : table(['ENDS', 'NAME', 'CLASS', 'CHANNEL'], r.expiring.map((e) => [e.validUntil, e.name, e.className, e.channel])),
        r.turningSixteen.length === 0 ? 'Nobody turns 16 in that time.' : table(['TURNS 16', 'NAME', 'CLASS', 'CONSENT NOW FROM'], r.turningSixteen.map((t) => [t.ownConsentFrom, t.name, t.className, t.currentGivers.join(', ') || 'nobody'])),
      ].join('\n\n');
      return { json, human };
    },
  },
  {
    name: 'consent forms',
    usage: '',
    summary: 'Print the yearly consent forms of a class: a PDF with one page per pupil and a yes/no box per channel.',
    details: ['JSON: {file, pages}'],
    options: {
      class: { type: 'string', value: 'NAME', description: 'The class (required).' },
      school: { type: 'string', value: 'KEY', description: 'The school, when several have a class with that name.' },
      out: { type: 'string', value: 'FILE.pdf', description: 'Where to write the PDF (required).' },
      language: { type: 'string', value: 'nl|en', description: 'The language of the forms (default nl).' },
    },
    args: { min: 0, max: 0 },
    async run(session, input) {
      const org = await session.call('org.get', {});
      const schoolKey = text(input, 'school');
      const cls = classByName(org, required(input, 'class'), schoolKey === undefined ? undefined : schoolByKey(org, schoolKey).id);
      const r = await session.call('consent.forms', {
        classId: cls.id,
        outFile: resolve(required(input, 'out')),
        language: oneOf(text(input, 'language'), ['nl', 'en'] as const, '--language') ?? 'nl',
      });
      return { json: { file: r.file, pages: r.pages }, human: `Wrote ${count(r.pages, 'form')} for ${cls.name} to ${r.file}.` };
    },
  },
];
