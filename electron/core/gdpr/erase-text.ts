import type { Identifiers } from './person-mentions';

/** What an erased person's name becomes in free text that stays (captions, questions, embedded metadata). */
export const erasedPersonText = '[erased person]';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Finds the person's full names and external ids as whole words, case-insensitively, with any run of
 * spaces, underscores, dots or dashes between the parts of a name: "Sanne de Vries", "sanne_de_vries.jpg"
 * and "SANNE-DE-VRIES" all match. First or last names on their own are not replaced: in a caption they
 * may well be someone else's.
 */
export function namePattern(ids: Identifiers): RegExp | null {
  const names = ids.fullNames
    .map((n) => n.trim().split(/[\s_.-]+/).filter(Boolean))
    .filter((parts) => parts.join('').length >= 2)
    .map((parts) => parts.map(escape).join('[\\s_.-]+'));
  const externals = ids.externalIds.filter((e) => e.trim().length >= 2).map((e) => escape(e.trim()));
  const all = [...names, ...externals].sort((a, b) => b.length - a.length);
  return all.length === 0 ? null : new RegExp(`(?<![\\p{L}\\p{N}])(?:${all.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

/** The longest part of each full name and each external id: a cheap `LIKE` filter before the pattern runs. */
export function searchTerms(ids: Identifiers): string[] {
  const longest = (name: string) => name.split(/[\s_.-]+/).reduce((a, b) => (b.length > a.length ? b : a), '');
  return [...new Set([...ids.fullNames.map(longest), ...ids.externalIds.map((e) => e.trim())].filter((t) => t.length >= 2))];
}

export interface Scrubbed<T> {
  value: T;
  /** How many times the name was replaced. */
  count: number;
}

export function scrubText(text: string, pattern: RegExp): Scrubbed<string> {
  let count = 0;
  const value = text.replace(pattern, () => {
    count++;
    return erasedPersonText;
  });
  return { value, count };
}

/** Every string inside a JSON value (keys stay), e.g. PersonInImage entries and region names of embedded metadata. */
export function scrubJson(value: unknown, pattern: RegExp): Scrubbed<unknown> {
  let count = 0;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const s = scrubText(v, pattern);
      count += s.count;
      return s.value;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  const scrubbed = walk(value);
  return { value: scrubbed, count };
}
