import { requiredGiver } from '../../../shared/domain/consent';
import { ClearFrameError } from '../../../shared/result';
import { consentGivers, consentStatuses, type ConsentRecord, type Person } from '../../../shared/types';
import type { RequestContext } from '../api/context';
import type { NewConsentRecord } from '../db/repositories/consent-repository';
import type { Library } from '../library';
import { appendConsent, buildConsentRecord } from '../services/consent-service';
import type { ResolvedColumns } from './columns';
import type { ImportPlan } from './import-plan';
import type { CsvTable } from './parse-csv';
import type { ProblemList } from './problem-list';
import { maxExternalIdLength, rowCells, type RowCells } from './row-cells';

type Answer = Pick<ConsentRecord, 'channel' | 'status' | 'givenBy' | 'givenOn' | 'validUntil'>;

const sameAnswer = (a: Answer, b: Answer): boolean =>
  a.channel === b.channel && a.status === b.status && a.givenBy === b.givenBy && a.givenOn === b.givenOn && a.validUntil === b.validUntil;

/** Who must answer is a rule of the domain; a file that disagrees is imported but flagged, as the matrix will show it. */
function warnAboutGiver(cells: RowCells, person: Person, record: NewConsentRecord): void {
  if (person.role !== 'pupil') return;
  const required = requiredGiver(person, record.givenOn);
  const who = `${person.firstName} ${person.lastName}`;
  if (record.givenBy === 'pupil' && required === 'guardian') {
    cells.warn('given_by', { code: 'giver_must_be_guardian', params: { person: who, date: record.givenOn } }, `${who} was under 16 on ${record.givenOn}, so a guardian must answer; this record will show as given by the wrong person.`);
  } else if (record.givenBy === 'guardian' && required === 'pupil') {
    cells.warn('given_by', { code: 'giver_must_be_pupil', params: { person: who, date: record.givenOn } }, `${who} was 16 or older on ${record.givenOn}, so the pupil must answer personally; this record will show as "needs pupil".`);
  }
}

/**
 * A consent row appends a record unless the person's history already holds the same answer (channel, status,
 * given by, given on, valid until), so the history in a file can be imported again without doubling.
 */
export function planConsents(
  lib: Library,
  ctx: RequestContext,
  table: CsvTable,
  columns: ResolvedColumns,
  problems: ProblemList,
  options: { source: NewConsentRecord['source']; today: string },
): ImportPlan {
  const { today } = options;
  const channelKeys = lib.repos.channels.list().map((c) => c.key);
  const people = new Map<string, Person | undefined>();
  const histories = new Map<number, (Answer & { line?: number })[]>();
  const appends: NewConsentRecord[] = [];
  let unchanged = 0;

  for (const row of table.rows) {
    const cells = rowCells(row, table.headers.length, columns, problems);
    const externalId = cells.label('external_id', 'external id', maxExternalIdLength);
    const channel = cells.text('channel').toLowerCase();
    const channelOptions = { field: 'channel', options: channelKeys };
    if (channel === '') cells.error('channel', { code: 'choice_empty', params: channelOptions }, `The channel is empty. Use one of: ${channelKeys.join(', ')}.`);
    else if (!channelKeys.includes(channel)) {
      cells.error('channel', { code: 'choice_unknown', params: { ...channelOptions, value: cells.text('channel') } }, `Unknown channel "${cells.text('channel')}". Use one of: ${channelKeys.join(', ')}.`);
    }
    const status = cells.choice('status', consentStatuses, { required: true });
    const givenBy = cells.choice('given_by', consentGivers, { required: false });
    const givenOn = cells.date('given_on', { required: true, notAfter: today });
    const validUntil = cells.date('valid_until', { required: false });
    let person: Person | undefined;
    if (externalId !== null) {
      if (!people.has(externalId)) people.set(externalId, lib.repos.people.findByExternalId(externalId));
      person = people.get(externalId);
      if (!person) cells.error('external_id', { code: 'unknown_person', params: { externalId } }, `No person has the external id "${externalId}". Import the people list first, or correct the id.`);
    }
    if (!cells.ok || !person || status === null || givenOn === null) continue;

    let record: NewConsentRecord;
    try {
      // An empty valid_until means the default: the end of the school year for a grant, none for a refusal.
      record = buildConsentRecord(
        lib,
        person,
        { channel, status, givenBy: givenBy ?? undefined, givenOn, validUntil: validUntil ?? undefined, source: options.source },
        ctx.actor,
      );
    } catch (err) {
      if (!(err instanceof ClearFrameError)) throw err;
      cells.error(null, { code: 'unexpected', params: {} }, err.message);
      continue;
    }
    warnAboutGiver(cells, person, record);

    let history = histories.get(person.id);
    if (!history) histories.set(person.id, (history = lib.repos.consent.historyOf(person.id)));
    const same = history.find((r) => sameAnswer(r, record));
    if (same) {
      if (same.line !== undefined) cells.warn(null, { code: 'repeats_line', params: { firstLine: same.line } }, `This row repeats line ${same.line}; it is imported once.`);
      unchanged++;
      continue;
    }
    const latest = history.filter((r) => r.channel === channel).reduce<Answer | null>((a, r) => (a && a.givenOn > r.givenOn ? a : r), null);
    if (latest && latest.givenOn > record.givenOn) {
      cells.warn(null, { code: 'older_answer', params: { date: record.givenOn, channel, latest: latest.givenOn } }, `This answer (${record.givenOn}) is older than the latest one for ${channel} (${latest.givenOn}); it joins the history but does not change the current consent.`);
    } else if (latest && latest.givenOn === record.givenOn) {
      cells.warn(null, { code: 'same_day_answer', params: { date: record.givenOn, channel } }, `There is already another answer for ${channel} given on ${record.givenOn}; this row, recorded later, becomes the current one.`);
    }
    history.push({ ...record, line: row.line });
    appends.push(record);
  }

  return {
    counts: { schoolsToCreate: [], classesToCreate: [], peopleCreated: 0, peopleUpdated: 0, consentsAdded: appends.length, unchanged },
    changes: appends.length,
    changed: ['consent'],
    apply() {
      for (const record of appends) appendConsent(lib, ctx, record);
    },
  };
}
