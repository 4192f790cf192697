import type { ErasureRepository, ErasureTextPlace } from '../db/repositories/erasure-repository';
import { erasureTextPlaces } from '../db/repositories/erasure-repository';
import { erasedPersonText, namePattern, scrubJson, scrubText, searchTerms, type Scrubbed } from './erase-text';
import type { Identifiers } from './person-mentions';

export interface FreeTextChange {
  place: ErasureTextPlace;
  key: number;
  text: string | null;
  count: number;
}

function scrub(place: ErasureTextPlace, text: string, pattern: RegExp): Scrubbed<string | null> {
  // A face region named only them is named nobody: no placeholder to show as if it were a name.
  if (place.place === 'faces.importedName') {
    const s = scrubText(text, pattern);
    return s.value.trim() === erasedPersonText ? { value: null, count: s.count } : s;
  }
  if (place.place !== 'media.embeddedMetadata') return scrubText(text, pattern);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return scrubText(text, pattern);
  }
  const s = scrubJson(parsed, pattern);
  return { value: JSON.stringify(s.value), count: s.count };
}

/** Each row of free text that names the person, with its text as it will be after the name is replaced. Changes nothing. */
export function freeTextChanges(repo: ErasureRepository, ids: Identifiers): FreeTextChange[] {
  const pattern = namePattern(ids);
  if (!pattern) return [];
  const terms = searchTerms(ids);
  return erasureTextPlaces.flatMap((place) =>
    repo.textRows(place, terms).flatMap(({ key, text }) => {
      const s = scrub(place, text, pattern);
      return s.count > 0 ? [{ place, key, text: s.value, count: s.count }] : [];
    }),
  );
}

/** How many names were replaced in each place, for the audit entry (counts, never the name). */
export function countsByPlace(changes: FreeTextChange[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const c of changes) counts[c.place.place] = (counts[c.place.place] ?? 0) + c.count;
  return counts;
}

/** Media whose original file's embedded metadata (XMP, IPTC) names the person. */
export function mediaWithNameInOriginal(changes: FreeTextChange[]): number[] {
  return changes.filter((c) => c.place.place === 'media.embeddedMetadata').map((c) => c.key);
}
