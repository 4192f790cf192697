import type { PersonTimeline, PersonTimelineEvent } from '../../../shared/contract/audit';
import { todayIso } from '../../../shared/domain/dates';
import type { ConsentRecord } from '../../../shared/types';
import { createAuditReadRepository } from '../db/repositories/audit-read-repository';
import type { Library } from '../library';
import { resolvePerson } from '../services/people-service';

interface FaceChange {
  media?: unknown;
  before?: { person?: unknown };
  after?: { person?: unknown };
}

const faceActions = new Set(['face.assigned', 'face.added']);
const kindOrder: PersonTimelineEvent['kind'][] = ['consent', 'tagged', 'untagged', 'published', 'takedown_pending', 'taken_down'];

/** Tagging and untagging, from the audit log: it holds who did it and when, which the faces table does not keep. */
function tagEvents(lib: Library, personId: number): PersonTimelineEvent[] {
  const entries = createAuditReadRepository(lib.db).search({ personId, action: 'face' }, 'oldest', Number.MAX_SAFE_INTEGER, 0);
  return entries.flatMap((e): PersonTimelineEvent[] => {
    if (!faceActions.has(e.action)) return [];
    let d: FaceChange;
    try {
      d = JSON.parse(e.details) as FaceChange;
    } catch {
      return [];
    }
    const mediaId = typeof d.media === 'number' ? d.media : null;
    if (mediaId === null) return [];
    const was = d.before?.person === personId;
    const is = d.after?.person === personId;
    if (was === is) return [];
    return [{ kind: is ? 'tagged' : 'untagged', at: e.at, by: e.actor, mediaId, mediaName: lib.repos.media.get(mediaId)?.name ?? null, seq: e.seq }];
  });
}

function consentEvents(history: ConsentRecord[]): PersonTimelineEvent[] {
  return history.map((r) => ({
    kind: 'consent',
    at: r.recordedAt,
    by: r.recordedBy,
    channel: r.channel,
    status: r.status,
    givenBy: r.givenBy,
    givenOn: r.givenOn,
    validUntil: r.validUntil,
  }));
}

/** When the consent that asks for a take-down was recorded: the newest record for the channel. */
function withdrawnAt(history: ConsentRecord[], channel: string): string | null {
  return history.filter((r) => r.channel === channel && r.status !== 'granted').reduce<string | null>((a, r) => (a === null || r.recordedAt > a ? r.recordedAt : a), null);
}

function publicationEvents(lib: Library, personId: number, history: ConsentRecord[]): PersonTimelineEvent[] {
  return lib.repos.publications.list({ personId }, todayIso()).flatMap((p): PersonTimelineEvent[] => {
    const mine = p.people.filter((pp) => pp.personId === personId);
    const shown = mine.some((pp) => pp.shown === 'visible') ? 'visible' : 'blurred';
    const events: PersonTimelineEvent[] = [
      { kind: 'published', at: p.createdAt, by: p.createdBy, publicationId: p.id, channel: p.channel, identityName: p.identityName, shown, files: new Set(mine.map((pp) => pp.fileIndex)).size },
    ];
    if (p.takedownDoneAt !== null && shown === 'visible') {
      events.push({ kind: 'taken_down', at: p.takedownDoneAt, by: p.takedownDoneBy, publicationId: p.id, channel: p.channel });
    } else if (p.withdrawnPeople.includes(personId)) {
      events.push({ kind: 'takedown_pending', at: withdrawnAt(history, p.channel) ?? p.createdAt, by: null, publicationId: p.id, channel: p.channel });
    }
    return events;
  });
}

/**
 * One person's story for an auditor, oldest first: each consent answer as recorded, each time a face
 * was tagged as them or untagged, each publication that shows them (or blurred them), and take-downs
 * asked for or done. The raw entries are in `audit.list` with the same person filter.
 */
export function personTimeline(lib: Library, personRef: string): PersonTimeline {
  const person = resolvePerson(lib, personRef);
  const history = lib.repos.consent.historyOf(person.id);
  const events = [...consentEvents(history), ...tagEvents(lib, person.id), ...publicationEvents(lib, person.id, history)];
  // Within one millisecond, the order things usually happen in.
  events.sort((a, b) => a.at.localeCompare(b.at) || kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind));
  return {
    person: { id: person.id, name: `${person.firstName} ${person.lastName}`, externalId: person.externalId },
    events,
  };
}
