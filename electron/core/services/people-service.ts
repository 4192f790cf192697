import type { z } from 'zod';
import type { personInput } from '../../../shared/contract/people';
import { ClearFrameError } from '../../../shared/result';
import type { Person } from '../../../shared/types';
import type { RequestContext } from '../api/context';
import type { PersonFields } from '../db/repositories/person-repository';
import type { Library } from '../library';

export function resolvePerson(lib: Library, ref: string): Person {
  const person = lib.repos.people.resolve(ref);
  if (!person) throw new ClearFrameError('not_found', `No person with id or external id "${ref}". Check the spelling, or import the people list first.`);
  return person;
}

/** A class fixes the school; a school given with a class of another school is a mistake worth stopping. */
function normalise(lib: Library, input: z.output<typeof personInput>): PersonFields {
  let schoolId = input.schoolId;
  if (input.classId !== null) {
    const cls = lib.repos.schools.getClass(input.classId);
    if (!cls) throw new ClearFrameError('not_found', `There is no class with id ${input.classId}.`);
    if (schoolId !== null && schoolId !== cls.schoolId) {
      throw new ClearFrameError('invalid_input', 'The class chosen belongs to another school.');
    }
    schoolId = cls.schoolId;
  }
  return { ...input, schoolId };
}

function assertExternalIdFree(lib: Library, externalId: string | null, ownId?: number): void {
  if (externalId === null) return;
  const other = lib.repos.people.findByExternalId(externalId);
  if (other && other.id !== ownId) {
    throw new ClearFrameError('conflict', `External id "${externalId}" already belongs to ${other.firstName} ${other.lastName}.`);
  }
}

export function createPerson(lib: Library, ctx: RequestContext, input: z.output<typeof personInput>): Person {
  const fields = normalise(lib, input);
  assertExternalIdFree(lib, fields.externalId);
  const person = lib.transaction(() => {
    const created = lib.repos.people.create(fields);
    lib.repos.audit.append(ctx.actor, 'person.created', `person:${created.id}`, { externalId: created.externalId, role: created.role });
    return created;
  });
  lib.events.emit('library.changed', { what: 'people' });
  return person;
}

export function updatePerson(lib: Library, ctx: RequestContext, id: number, input: z.output<typeof personInput>): Person {
  const before = lib.repos.people.get(id);
  if (!before) throw new ClearFrameError('not_found', `There is no person with id ${id}.`);
  const fields = normalise(lib, input);
  assertExternalIdFree(lib, fields.externalId, id);
  const person = lib.transaction(() => {
    const updated = lib.repos.people.update(id, fields);
    lib.repos.audit.append(ctx.actor, 'person.updated', `person:${id}`, { before, after: updated });
    return updated;
  });
  lib.events.emit('library.changed', { what: 'people' });
  return person;
}
