import type { ConsentMatrix, ConsentOverview } from '../../../shared/contract/consent';
import { evaluateConsent, ownConsentFrom, requiredGiver } from '../../../shared/domain/consent';
import { addDays, endOfSchoolYear, todayIso } from '../../../shared/domain/dates';
import { ClearFrameError } from '../../../shared/result';
import type { ConsentGiver, ConsentRecord, ConsentStatus, IsoDate, Person } from '../../../shared/types';
import type { RequestContext } from '../api/context';
import type { NewConsentRecord } from '../db/repositories/consent-repository';
import type { Library } from '../library';
import { resolvePerson } from './people-service';

/** Pupils turning 16 within this many days are flagged in the matrix so schools can ask them in time. */
const ownConsentNoticeDays = 30;

export function consentOverview(lib: Library, personRef: string, date: IsoDate = todayIso()): ConsentOverview {
  const person = resolvePerson(lib, personRef);
  const history = lib.repos.consent.historyOf(person.id);
  const current = lib.repos.channels.list().map((c) => ({ channel: c.key, ...evaluateConsent(person, history, c.key, date) }));
  return { person, date, current, history };
}

export function consentMatrix(lib: Library, classId: number, date: IsoDate = todayIso()): ConsentMatrix {
  if (!lib.repos.schools.getClass(classId)) throw new ClearFrameError('not_found', `There is no class with id ${classId}.`);
  const channels = lib.repos.channels.list().map((c) => c.key);
  const people = lib.repos.people.list({ classId });
  const byPerson = new Map<number, ConsentRecord[]>();
  for (const r of lib.repos.consent.historyOfClass(classId)) {
    const list = byPerson.get(r.personId) ?? [];
    list.push(r);
    byPerson.set(r.personId, list);
  }
  const noticeUntil = addDays(date, ownConsentNoticeDays);
  return {
    classId,
    date,
    channels,
    rows: people.map((person) => {
      const history = byPerson.get(person.id) ?? [];
      const from = ownConsentFrom(person);
      return {
        person,
        cells: channels.map((channel) => ({ channel, ...evaluateConsent(person, history, channel, date) })),
        ownConsentFrom: from !== null && from <= noticeUntil ? from : null,
      };
    }),
  };
}

export interface ConsentChange {
  channel: string;
  status: ConsentStatus;
  givenBy?: ConsentGiver;
  givenOn?: IsoDate;
  validUntil?: IsoDate | null;
  note?: string | null;
  evidence?: string | null;
  source?: NewConsentRecord['source'];
}

/**
 * The record a change would append, with the defaults a school expects: given today, by whoever
 * must answer for this person now, granted until the end of the school year.
 */
export function buildConsentRecord(lib: Library, person: Person, change: ConsentChange, actor: string): NewConsentRecord {
  if (!lib.repos.channels.get(change.channel)) {
    const keys = lib.repos.channels.list().map((c) => c.key).join(', ');
    throw new ClearFrameError('invalid_input', `Unknown channel "${change.channel}". Known channels: ${keys}.`);
  }
  const givenOn = change.givenOn ?? todayIso();
  const givenBy = change.givenBy ?? requiredGiver(person, givenOn);
  if (person.role === 'staff' && givenBy !== 'self') {
    throw new ClearFrameError('invalid_input', 'Staff members answer for themselves: use "self".');
  }
  if (person.role === 'pupil' && givenBy === 'self') {
    throw new ClearFrameError('invalid_input', 'For a pupil, consent is given by the guardian or by the pupil.');
  }
  const validUntil = change.validUntil !== undefined ? change.validUntil : change.status === 'granted' ? endOfSchoolYear(givenOn) : null;
  if (validUntil !== null && validUntil < givenOn) {
    throw new ClearFrameError('invalid_input', `"Valid until" (${validUntil}) is before the day the answer was given (${givenOn}).`);
  }
  return {
    personId: person.id,
    channel: change.channel,
    status: change.status,
    givenBy,
    givenOn,
    validUntil,
    evidence: change.evidence ?? null,
    note: change.note ?? null,
    source: change.source ?? 'manual',
    recordedBy: actor,
  };
}

/** Appends one consent record and its audit entry. Call inside a transaction. */
export function appendConsent(lib: Library, ctx: RequestContext, record: NewConsentRecord): ConsentRecord {
  const stored = lib.repos.consent.append(record);
  lib.repos.audit.append(ctx.actor, `consent.${record.status}`, `person:${record.personId}`, {
    record: stored.id,
    channel: record.channel,
    givenBy: record.givenBy,
    givenOn: record.givenOn,
    validUntil: record.validUntil,
    source: record.source,
  });
  return stored;
}

export function setConsent(lib: Library, ctx: RequestContext, personRef: string, change: ConsentChange): ConsentRecord {
  const person = resolvePerson(lib, personRef);
  const record = buildConsentRecord(lib, person, change, ctx.actor);
  const stored = lib.transaction(() => appendConsent(lib, ctx, record));
  lib.events.emit('library.changed', { what: 'consent' });
  return stored;
}
