/**
 * Which audit details concern a person, and how to pseudonymise them. Pure, so it is tested on its own.
 * Entries name people by id in these keys (subjects are `person:<id>`); ids stay, names go.
 */
const idKeys = new Set(['person', 'personId', 'suggestedPerson', 'suggestedPersonId']);
const idListKeys = new Set(['people', 'personIds']);
/** Fields that hold a person's own data in entries about them, whatever their value (e.g. a name before a rename). */
const personalKeys = new Set(['firstName', 'lastName', 'dateOfBirth', 'externalId', 'image', 'imageName', 'importedName']);

export const erasedMark = '[erased]';

/** What identifies the person in free text: their names (current and earlier) and external ids. */
export interface Identifiers {
  fullNames: string[];
  /** First and last names on their own: only looked for in entries about the person (others may share them). */
  nameParts: string[];
  externalIds: string[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Does this value, anywhere inside it, name the person by id in a person field? */
export function mentionsPerson(value: unknown, personId: number): boolean {
  if (Array.isArray(value)) return value.some((v) => mentionsPerson(v, personId));
  if (!isRecord(value)) return false;
  for (const [key, v] of Object.entries(value)) {
    if (idKeys.has(key) && v === personId) return true;
    if (idListKeys.has(key) && Array.isArray(v) && v.includes(personId)) return true;
    if (mentionsPerson(v, personId)) return true;
  }
  return false;
}

/** Is this audit entry about the person: its subject, or a person field in its details? */
export function isAboutPerson(subject: string, details: unknown, personId: number): boolean {
  return subject === `person:${personId}` || mentionsPerson(details, personId);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function wordPattern(parts: string[]): RegExp | null {
  const usable = parts.map((p) => p.trim()).filter((p) => p.length >= 2);
  return usable.length === 0 ? null : new RegExp(`(^|[^\\p{L}\\p{N}])(${usable.map(escape).join('|')})($|[^\\p{L}\\p{N}])`, 'iu');
}

/** A cheap test on the raw JSON text before parsing: could this entry name the person at all? */
export function mayNamePerson(rawDetails: string, ids: Identifiers): boolean {
  const text = rawDetails.toLowerCase();
  return [...ids.fullNames, ...ids.externalIds].some((t) => t.length >= 2 && text.includes(t.toLowerCase()));
}

/**
 * The details with every value that identifies the person replaced by `[erased]`: in any entry, text
 * containing a full name or equal to an external id; in entries about the person also their own fields
 * (names, date of birth, external id, reference image names) and text containing a first or last name.
 */
export function redactDetails(details: unknown, ids: Identifiers, about: boolean): unknown {
  const full = wordPattern(ids.fullNames);
  const parts = about ? wordPattern(ids.nameParts) : null;
  const exact = new Set(ids.externalIds.map((e) => e.toLowerCase()));
  const names = (text: string) => exact.has(text.trim().toLowerCase()) || full?.test(text) === true || parts?.test(text) === true;
  const walk = (value: unknown, key: string | null): unknown => {
    if (about && key !== null && personalKeys.has(key) && value !== null && typeof value !== 'object') return erasedMark;
    if (typeof value === 'string') return names(value) ? erasedMark : value;
    if (Array.isArray(value)) return value.map((v) => walk(v, null));
    if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    return value;
  };
  return walk(details, null);
}

/** Adds the names and external ids the person had in an entry about them (before a rename, say), so those are found too. */
export function collectIdentifiers(details: unknown, into: { fullNames: Set<string>; nameParts: Set<string>; externalIds: Set<string> }): void {
  if (Array.isArray(details)) return details.forEach((d) => collectIdentifiers(d, into));
  if (!isRecord(details)) return;
  if (typeof details.firstName === 'string' && typeof details.lastName === 'string') {
    into.fullNames.add(`${details.firstName} ${details.lastName}`);
    into.nameParts.add(details.firstName).add(details.lastName);
  }
  if (typeof details.externalId === 'string') into.externalIds.add(details.externalId);
  for (const v of Object.values(details)) collectIdentifiers(v, into);
}
