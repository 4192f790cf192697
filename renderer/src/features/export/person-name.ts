import type { PublicationPerson } from '../../../../shared/contract/export';
import type { Person } from '../../../../shared/types';

/** A person in the register by name when the library still has them, else by the number the school uses (or the id). */
export function personName(p: PublicationPerson, byId: ReadonlyMap<number, Person>): string {
  const person = byId.get(p.personId);
  if (person) return `${person.firstName} ${person.lastName}`.trim();
  return p.externalId ?? `#${p.personId}`;
}
