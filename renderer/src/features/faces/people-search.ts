import type { Person } from '../../../../shared/types';

/** Who is likely in this picture: the suggested person, then the media's classes, then its school. */
export interface Likely {
  suggestedId: number | null;
  classIds: readonly number[];
  schoolId: number | null;
}

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

function tier(p: Person, likely: Likely): number {
  if (p.id === likely.suggestedId) return 0;
  if (p.classId !== null && likely.classIds.includes(p.classId)) return 1;
  if (p.schoolId !== null && p.schoolId === likely.schoolId) return 2;
  return 3;
}

/**
 * People matching what was typed (every typed word starts a word of the name or the school number, or three or
 * more letters appear in the name; accents ignored), the likely ones first. With nothing typed: only the likely
 * ones, so the list stays short.
 */
export function searchPeople(people: readonly Person[], query: string, likely: Likely, limit = 40): Person[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const scored = people
    .map((p) => {
      const name = fold(`${p.firstName} ${p.lastName}`);
      const haystack = `${name} ${fold(p.externalId ?? '')}`.split(/[\s-]+/);
      const typed = words.join(' ');
      // Inside a word only from three letters on, or one typed letter would match nearly every name.
      const matches = words.every((w) => haystack.some((h) => h.startsWith(w))) || (typed.length >= 3 && name.includes(typed));
      return { p, name, t: tier(p, likely), matches };
    })
    .filter((s) => (words.length === 0 ? s.t < 3 : s.matches));
  scored.sort((a, b) => a.t - b.t || a.name.localeCompare(b.name));
  return scored.slice(0, limit).map((s) => s.p);
}
