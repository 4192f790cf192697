import type { Publication, PublicationPerson } from '../../../shared/contract/export';
import { todayIso } from '../../../shared/domain/dates';
import { ClearFrameError } from '../../../shared/result';
import type { RequestContext } from '../api/context';
import type { PublicationRecord } from '../db/repositories/publication-repository';
import type { Library } from '../library';
import { resolvePerson } from '../services/people-service';

function toPublication(r: PublicationRecord): Publication {
  const people = (shown: 'visible' | 'blurred'): PublicationPerson[] => {
    const byId = new Map<number, PublicationPerson>();
    for (const p of r.people) if (p.shown === shown) byId.set(p.personId, { personId: p.personId, externalId: p.externalId });
    return [...byId.values()];
  };
  const visible = people('visible');
  return {
    id: r.id,
    createdAt: r.createdAt,
    by: r.createdBy,
    channel: r.channel,
    identity: r.identityKey,
    identityName: r.identityName,
    decisionDate: r.decisionDate,
    postUrl: r.postUrl,
    files: r.files.map((f) => ({ mediaId: f.mediaId, file: f.fileName, sha256: f.sha256 })),
    visible,
    blurred: people('blurred'),
    takeDown: r.takeDown,
    withdrawn: visible.filter((p) => r.withdrawnPeople.includes(p.personId)),
    takedownDoneAt: r.takedownDoneAt,
    takedownDoneBy: r.takedownDoneBy,
  };
}

/**
 * The publication register, optionally only publications a person is in, or only those to take down:
 * someone visible in it has since withdrawn or refused consent for its channel.
 */
export function listPublications(lib: Library, filter: { person?: string; toTakeDown?: boolean }): Publication[] {
  const personId = filter.person === undefined ? undefined : resolvePerson(lib, filter.person).id;
  return lib.repos.publications
    .list({ personId }, todayIso())
    .filter((p) => !filter.toTakeDown || p.takeDown === 'pending')
    .map(toPublication);
}

function getRecord(lib: Library, id: number): PublicationRecord {
  const record = lib.repos.publications.get(id, todayIso());
  if (!record) throw new ClearFrameError('not_found', `There is no publication ${id}; "publications" lists them.`);
  return record;
}

/** Records that a publication to take down has been removed from its channel. */
export function markTakedownDone(lib: Library, ctx: RequestContext, id: number): Publication {
  const record = getRecord(lib, id);
  if (record.takeDown === 'done') throw new ClearFrameError('conflict', `Publication ${id} was already marked as taken down on ${record.takedownDoneAt}.`);
  if (record.takeDown === 'none') {
    throw new ClearFrameError('conflict', `Publication ${id} has nothing to take down: everyone visible in it still has consent for ${record.channel}.`);
  }
  lib.transaction(() => {
    lib.repos.publications.markTakedownDone(id, ctx.actor);
    lib.repos.audit.append(ctx.actor, 'publication.taken_down', `publication:${id}`, { channel: record.channel, people: record.withdrawnPeople });
  });
  return toPublication(getRecord(lib, id));
}

export function setPostUrl(lib: Library, ctx: RequestContext, id: number, url: string): Publication {
  const record = getRecord(lib, id);
  lib.transaction(() => {
    lib.repos.publications.setPostUrl(id, url);
    lib.repos.audit.append(ctx.actor, 'publication.post_url', `publication:${id}`, { before: record.postUrl, after: url });
  });
  return toPublication(getRecord(lib, id));
}
