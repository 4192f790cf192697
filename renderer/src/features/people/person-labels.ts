import { ageOn, todayIso } from '../../../../shared/domain/dates';
import type { Person } from '../../../../shared/types';

export const personName = (p: Pick<Person, 'firstName' | 'lastName'>): string => `${p.firstName} ${p.lastName}`;

export function personAge(p: Pick<Person, 'dateOfBirth'>): number | null {
  return p.dateOfBirth ? ageOn(p.dateOfBirth, todayIso()) : null;
}
