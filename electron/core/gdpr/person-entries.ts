import type { Person } from '../../../shared/types';
import type { AuditEntry } from '../db/repositories/audit-repository';
import { createAuditReadRepository } from '../db/repositories/audit-read-repository';
import type { Library } from '../library';
import { collectIdentifiers, isAboutPerson, mayNamePerson, type Identifiers } from './person-mentions';

function parse(details: string): unknown {
  try {
    return JSON.parse(details);
  } catch {
    return details;
  }
}

export interface PersonEntry {
  entry: AuditEntry;
  details: unknown;
  /** About the person (subject or a person field), rather than only naming them in text. */
  about: boolean;
}

/** The person's names and external ids, now and in earlier entries about them (e.g. before a rename). */
export function identifiersOf(lib: Library, person: Person): Identifiers {
  const found = { fullNames: new Set<string>(), nameParts: new Set<string>(), externalIds: new Set<string>() };
  collectIdentifiers(person, found);
  const subject = `person:${person.id}`;
  for (const e of createAuditReadRepository(lib.db).search({ personId: person.id }, 'oldest', Number.MAX_SAFE_INTEGER, 0)) {
    if (e.subject === subject) collectIdentifiers(parse(e.details), found);
  }
  return { fullNames: [...found.fullNames], nameParts: [...found.nameParts], externalIds: [...found.externalIds] };
}

/**
 * Every audit entry that is about the person or names them, oldest first. Reads the whole log once:
 * person fields can sit anywhere in details (a face's before/after, a publication's people).
 */
export function entriesOfPerson(lib: Library, personId: number, ids: Identifiers): PersonEntry[] {
  const found: PersonEntry[] = [];
  const idText = String(personId);
  for (const entry of createAuditReadRepository(lib.db).inOrder()) {
    const raw = typeof entry.details === 'string' ? entry.details : '';
    const couldBeAbout = entry.subject === `person:${personId}` || raw.includes(idText);
    if (!couldBeAbout && !mayNamePerson(raw, ids)) continue;
    const details = parse(raw);
    const about = isAboutPerson(entry.subject, details, personId);
    if (about || mayNamePerson(raw, ids)) found.push({ entry, details, about });
  }
  return found;
}
