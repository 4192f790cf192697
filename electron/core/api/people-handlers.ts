import type { consentCommands } from '../../../shared/contract/consent';
import type { peopleCommands } from '../../../shared/contract/people';
import type { Library } from '../library';
import { consentMatrix, consentOverview, setConsent } from '../services/consent-service';
import { createChannel, createClass, createSchool, getOrganisation, setFoundationName } from '../services/org-service';
import { createPerson, resolvePerson, updatePerson } from '../services/people-service';
import type { FeatureHandlers } from './handler-types';

export function peopleHandlers(lib: Library): FeatureHandlers<keyof typeof peopleCommands | keyof typeof consentCommands> {
  return {
    'org.get': () => getOrganisation(lib),
    'org.setFoundationName': ({ name }, ctx) => setFoundationName(lib, ctx, name),
    'schools.create': ({ key, name }, ctx) => createSchool(lib, ctx, key, name),
    'classes.create': ({ schoolId, name }, ctx) => createClass(lib, ctx, schoolId, name),
    'channels.create': ({ key, name, kind }, ctx) => createChannel(lib, ctx, key, name, kind),
    'people.list': (filter) => lib.repos.people.list(filter),
    'people.get': ({ person }) => resolvePerson(lib, person),
    'people.create': (input, ctx) => createPerson(lib, ctx, input),
    'people.update': ({ id, ...input }, ctx) => updatePerson(lib, ctx, id, input),
    'consent.matrix': ({ classId, date }) => consentMatrix(lib, classId, date),
    'consent.show': ({ person, date }) => consentOverview(lib, person, date),
    'consent.set': ({ person, ...change }, ctx) => setConsent(lib, ctx, person, change),
  };
}
