import type { Organisation } from '../../../shared/contract/people';
import { ClearFrameError } from '../../../shared/result';
import type { Channel, ChannelKind, School, SchoolClass } from '../../../shared/types';
import type { RequestContext } from '../api/context';
import type { Library } from '../library';

export function getOrganisation(lib: Library): Organisation {
  return {
    foundation: { name: lib.repos.settings.get('foundation_name') ?? 'Foundation' },
    schools: lib.repos.schools.listSchools(),
    classes: lib.repos.schools.listClasses(),
    channels: lib.repos.channels.list(),
  };
}

export function setFoundationName(lib: Library, ctx: RequestContext, name: string): Organisation {
  lib.transaction(() => {
    lib.repos.settings.set('foundation_name', name);
    lib.repos.audit.append(ctx.actor, 'org.foundation_renamed', 'foundation', { name });
  });
  lib.events.emit('library.changed', { what: 'org' });
  return getOrganisation(lib);
}

/** Finds a school by key or creates it; used by CSV import, which creates missing schools. Call inside a transaction. */
export function ensureSchool(lib: Library, ctx: RequestContext, key: string, name = key): School {
  const existing = lib.repos.schools.findSchool(key);
  if (existing) return existing;
  const school = lib.repos.schools.createSchool(key, name);
  lib.repos.audit.append(ctx.actor, 'school.created', `school:${school.id}`, { key, name });
  return school;
}

/** Finds a class of a school by name or creates it. Call inside a transaction. */
export function ensureClass(lib: Library, ctx: RequestContext, schoolId: number, name: string): SchoolClass {
  const existing = lib.repos.schools.findClass(schoolId, name);
  if (existing) return existing;
  const created = lib.repos.schools.createClass(schoolId, name);
  lib.repos.audit.append(ctx.actor, 'class.created', `class:${created.id}`, { schoolId, name });
  return created;
}

export function createSchool(lib: Library, ctx: RequestContext, key: string, name: string): School {
  if (lib.repos.schools.findSchool(key)) throw new ClearFrameError('conflict', `A school with the key "${key}" already exists.`);
  const school = lib.transaction(() => ensureSchool(lib, ctx, key, name));
  lib.events.emit('library.changed', { what: 'org' });
  return school;
}

export function createClass(lib: Library, ctx: RequestContext, schoolId: number, name: string): SchoolClass {
  if (!lib.repos.schools.listSchools().some((s) => s.id === schoolId)) {
    throw new ClearFrameError('not_found', `There is no school with id ${schoolId}.`);
  }
  if (lib.repos.schools.findClass(schoolId, name)) throw new ClearFrameError('conflict', `This school already has a class "${name}".`);
  const created = lib.transaction(() => ensureClass(lib, ctx, schoolId, name));
  lib.events.emit('library.changed', { what: 'org' });
  return created;
}

export function createChannel(lib: Library, ctx: RequestContext, key: string, name: string, kind: ChannelKind): Channel {
  if (lib.repos.channels.get(key)) throw new ClearFrameError('conflict', `A channel with the key "${key}" already exists.`);
  const channel = lib.transaction(() => {
    const created = lib.repos.channels.create({ key, name, kind, builtin: false });
    lib.repos.audit.append(ctx.actor, 'channel.created', `channel:${key}`, { name, kind });
    return created;
  });
  lib.events.emit('library.changed', { what: 'org' });
  return channel;
}
