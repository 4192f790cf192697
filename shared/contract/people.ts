import { z } from 'zod';
import { isIsoDate } from '../domain/dates';
import type { Channel, Person, School, SchoolClass } from '../types';
import { personRoles } from '../types';
import { command } from './define';

export const isoDate = z.string().refine(isIsoDate, { message: 'Use a real date written as YYYY-MM-DD.' });
const name = z.string().trim().min(1).max(200);
/** A person as named by a user: the numeric id or the external id from the school's admin system. */
export const personRef = z.string().trim().min(1).max(200);

export const personInput = z.object({
  externalId: z.string().trim().min(1).max(100).nullable(),
  firstName: name,
  lastName: name,
  role: z.enum(personRoles),
  classId: z.number().int().positive().nullable(),
  schoolId: z.number().int().positive().nullable(),
  dateOfBirth: isoDate.nullable(),
});

export interface Organisation {
  foundation: { name: string };
  schools: School[];
  classes: SchoolClass[];
  channels: Channel[];
}

export const peopleCommands = {
  'org.get': command(z.object({})).returns<Organisation>(),
  'org.setFoundationName': command(z.object({ name })).returns<Organisation>(),
  'schools.create': command(z.object({ key: z.string().trim().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/), name })).returns<School>(),
  'classes.create': command(z.object({ schoolId: z.number().int().positive(), name })).returns<SchoolClass>(),
  'channels.create': command(
    z.object({ key: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/), name, kind: z.enum(['internal', 'external', 'social']) }),
  ).returns<Channel>(),
  'people.list': command(
    z.object({
      schoolId: z.number().int().positive().optional(),
      classId: z.number().int().positive().optional(),
      search: z.string().max(200).optional(),
    }),
  ).returns<Person[]>(),
  'people.get': command(z.object({ person: personRef })).returns<Person>(),
  'people.create': command(personInput).returns<Person>(),
  'people.update': command(personInput.extend({ id: z.number().int().positive() })).returns<Person>(),
};
