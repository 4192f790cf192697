import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { exportMediaChoices, type ErasureSummary } from '../../shared/contract/gdpr';
import { date, flag, oneOf, text } from './arguments';
import { CliError, exitCodes, usageError } from './cli-error';
import type { CliCommand } from './command';
import { classByName, schoolByKey } from './lookups';
import { count, pairs } from './output';

function summaryJson(s: ErasureSummary) {
  return {
    person: { id: s.person.id, external_id: s.person.externalId, name: s.person.name },
    consent_records: s.consentRecords,
    consent_records_kept: s.consentRecordsKept,
    faces_tagged: s.facesTagged,
    faces_suggested: s.facesSuggested,
    references: s.references,
    publications: s.publications,
    takedown_channels: s.takedownChannels,
    audit_entries_redacted: s.auditEntriesToRedact,
    free_text_mentions: s.freeTextMentions,
    originals_with_name: s.originalsWithName,
    backups: s.backups,
  };
}

function summaryLines(s: ErasureSummary): [string, string | number][] {
  return [
    ['Person', `${s.person.name} (id ${s.person.id}${s.person.externalId ? `, ${s.person.externalId}` : ''})`],
    ['Consent records', `${s.consentRecords - s.consentRecordsKept} deleted, ${s.consentRecordsKept} kept as a publication's proof (without note and evidence)`],
    ['Faces', `${s.facesTagged} tagged go back to unreviewed; ${s.facesSuggested} suggestions withdrawn`],
    ['Face references', `${s.references} deleted, with the face matching permission`],
    ['Publications showing them', s.takedownChannels.length ? `${s.publications}; consent withdrawn for ${s.takedownChannels.join(', ')}, so they are listed to take down` : s.publications],
    ['Audit entries', `${s.auditEntriesToRedact} lose the name (ids stay; the chain still verifies)`],
    ['Free text', `${count(s.freeTextMentions, 'mention')} of the name in captions, doubts, media names and embedded metadata become "[erased person]"`],
    ['Original files', s.originalsWithName ? `${s.originalsWithName} still carry the name in their embedded metadata (listed after erasing)` : 'none carry the name'],
    ['Backups', s.backups ? `${s.backups} in the library folder still hold this person until you remove them` : 'none in the library folder'],
  ];
}

/** A report file appears whole or not at all, and never replaces an earlier one. */
function writePdf(out: string | undefined, base64: string): string {
  if (out === undefined) throw usageError('Say where to write the report with --out FILE.pdf.');
  const file = resolve(out);
  if (existsSync(file)) throw new CliError('conflict', `${file} already exists; choose a new name, so no earlier report is lost.`, exitCodes.failure);
  const tmp = join(dirname(file), `.${basename(file)}.partial`);
  try {
    // It lists people by name: readable by the owner only.
    writeFileSync(tmp, Buffer.from(base64, 'base64'), { mode: 0o600, flush: true });
    renameSync(tmp, file);
  } catch (err) {
    throw new CliError('io_error', `Cannot write ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`, exitCodes.failure);
  }
  return file;
}

export const gdprCommands: CliCommand[] = [
  {
    name: 'people export',
    usage: '<person>',
    summary: 'Export everything held about a person (GDPR data-subject request) to a folder or a ZIP file.',
    details: [
      'Writes README.txt, person.json, consents.csv/.json, media.csv/.json with media/ (the files they are tagged in),',
      'publications.json and audit.json. OUT ending in .zip makes a ZIP file, anything else a new folder; OUT must not exist.',
      'JSON: {person: {id, external_id, name}, out, format: "folder"|"zip", files, bytes, consent_records, media, publications, audit_entries}',
    ],
    options: {
      out: { type: 'string', value: 'DIR|FILE.zip', description: 'Where to write the export (required).' },
      media: { type: 'string', value: exportMediaChoices.join('|'), description: 'Which files of tagged media to include (default: originals).' },
    },
    args: { min: 1, max: 1 },
    async run(session, input) {
      const out = text(input, 'out');
      if (out === undefined) throw usageError('Say where to write the export with --out DIR or --out FILE.zip.');
      const media = oneOf(text(input, 'media'), exportMediaChoices, '--media') ?? 'originals';
      const r = await session.call('people.dataExport', { person: input.args[0]!, out: resolve(out), media });
      return {
        json: {
          person: { id: r.person.id, external_id: r.person.externalId, name: r.person.name },
          out: r.out,
          format: r.format,
          files: r.files,
          bytes: r.bytes,
          consent_records: r.consentRecords,
          media: r.media,
          publications: r.publications,
          audit_entries: r.auditEntries,
        },
        human: `${count(r.files, 'file')} about ${r.person.name} written to ${r.out}: ${count(r.consentRecords, 'consent record')}, ${count(r.media, 'media item')}, ${count(r.publications, 'publication')}, ${count(r.auditEntries, 'audit entry', 'audit entries')}.`,
      };
    },
  },
  {
    name: 'people erase',
    usage: '<person>',
    summary: 'Erase a person (GDPR right to erasure); without --confirm, only show what would go.',
    details: [
      'Removes the person\'s details, consent records (except those a publication relied on), face tags (the faces go back to',
      'unreviewed, which keeps their media blocked), face references and names in the audit log (ids stay; `audit verify` still passes).',
      'JSON: {erased, person: {id, external_id, name}, consent_records, consent_records_kept, faces_tagged, faces_suggested, references,',
      '       publications, takedown_channels, audit_entries_redacted, free_text_mentions, originals_with_name, backups,',
      '       and when erased: audit_entry, scrubbed, erased_at, free_text_replaced {place: count}, originals [{media_id, name, path}]}',
      'scrubbed: the database file was rewritten (VACUUM), so the erased data is gone from the disk as well.',
      'Originals keep their embedded metadata (rewriting them would change their checksum, which the publication register',
      'refers to): delete those media if the name must go from them too. Backups made before still hold the person:',
      '`clearframe backup delete-older --before <erased_at> --confirm` deletes those in the library folder.',
    ],
    options: { confirm: { type: 'boolean', description: 'Really erase: there is no undo.' } },
    args: { min: 1, max: 1 },
    async run(session, input) {
      const person = input.args[0]!;
      if (!flag(input, 'confirm')) {
        const preview = await session.call('people.erasePreview', { person });
        return {
          json: { erased: false, ...summaryJson(preview) },
          human: pairs(summaryLines(preview)),
          failure: `Nothing was erased: run again with --confirm to erase ${preview.person.name}; there is no undo.`,
          exitCode: exitCodes.usage,
        };
      }
      const r = await session.call('people.erase', { person, confirm: true });
      return {
        json: {
          erased: true, ...summaryJson(r), audit_entry: r.auditEntry, scrubbed: r.scrubbed, erased_at: r.erasedAt,
          free_text_replaced: r.freeTextReplaced, originals: r.originals.map((o) => ({ media_id: o.mediaId, name: o.name, path: o.path })),
        },
        human: [
          `${r.person.name} was erased (audit entry ${r.auditEntry}).`,
          pairs(summaryLines(r)),
          ...r.originals.map((o) => `Original still naming them: media ${o.mediaId} ${o.path}`),
          ...(r.backups > 0 ? [`Delete the older backups with: clearframe backup delete-older --before ${r.erasedAt} --confirm`] : []),
        ].join('\n'),
      };
    },
  },
  {
    name: 'report consent',
    usage: '',
    summary: 'A PDF of one class\'s consent: the state per person and channel, and each person\'s history.',
    details: ['JSON: {file, pages, people}'],
    options: {
      class: { type: 'string', value: 'NAME', description: 'The class (required).' },
      school: { type: 'string', value: 'KEY', description: 'The school, when several have a class of that name.' },
      date: { type: 'string', value: 'YYYY-MM-DD', description: 'Consent as it stands on this day (default: today).' },
      out: { type: 'string', value: 'FILE.pdf', description: 'Where to write the report (required; not overwritten).' },
    },
    args: { min: 0, max: 0 },
    async run(session, input) {
      const className = text(input, 'class');
      if (className === undefined) throw usageError('Name the class with --class NAME.');
      const org = await session.call('org.get', {});
      const schoolKey = text(input, 'school');
      const cls = classByName(org, className, schoolKey === undefined ? undefined : schoolByKey(org, schoolKey).id);
      const out = text(input, 'out');
      if (out === undefined) throw usageError('Say where to write the report with --out FILE.pdf.');
      const r = await session.call('reports.consent', { classId: cls.id, date: date(input, 'date') });
      const file = writePdf(out, r.pdf);
      return { json: { file, pages: r.pages, people: r.people }, human: `Consent overview of ${cls.name} (${count(r.people, 'person', 'people')}, ${count(r.pages, 'page')}) written to ${file}.` };
    },
  },
  {
    name: 'report publications',
    usage: '',
    summary: 'A PDF of the publication register for a period: what was published where, showing whom.',
    details: ['JSON: {file, pages, publications}'],
    options: {
      from: { type: 'string', value: 'YYYY-MM-DD', description: 'First day (UTC, required).' },
      to: { type: 'string', value: 'YYYY-MM-DD', description: 'Last day (UTC, required).' },
      out: { type: 'string', value: 'FILE.pdf', description: 'Where to write the report (required; not overwritten).' },
    },
    args: { min: 0, max: 0 },
    async run(session, input) {
      const from = date(input, 'from');
      const to = date(input, 'to');
      if (from === undefined || to === undefined) throw usageError('Give the period with --from YYYY-MM-DD and --to YYYY-MM-DD.');
      if (to < from) throw usageError(`--to ${to} is before --from ${from}.`);
      const out = text(input, 'out');
      if (out === undefined) throw usageError('Say where to write the report with --out FILE.pdf.');
      const r = await session.call('reports.publications', { from, to });
      const file = writePdf(out, r.pdf);
      return { json: { file, pages: r.pages, publications: r.publications }, human: `${count(r.publications, 'publication')} from ${from} to ${to} (${count(r.pages, 'page')}) written to ${file}.` };
    },
  },
];
