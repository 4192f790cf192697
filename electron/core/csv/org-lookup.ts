import type { Library } from '../library';
import type { RowCells } from './row-cells';

/** The rule for keys of schools created by hand ('schools.create'); a school created by import gets the same kind of key. */
const schoolKeyPattern = /^[a-z0-9][a-z0-9_-]{0,39}$/;

/** Looks up schools and classes once per file, and remembers those the file will create. */
export function orgLookup(lib: Library) {
  const schools = lib.repos.schools.listSchools();
  const byKey = new Map(schools.map((s) => [s.key, s]));
  const byName = new Map(schools.map((s) => [s.name.toLowerCase(), s]));
  const classes = new Map(lib.repos.schools.listClasses().map((c) => [`${c.schoolId}/${c.name}`, c.id]));
  const newSchools = new Set<string>();
  const newClasses = new Map<string, { schoolKey: string; name: string }>();
  return {
    newSchools,
    newClasses,
    /** The key of the school named in the file: an existing school's key or name, or a valid new key. */
    school(cells: RowCells): string | null {
      const value = cells.text('school');
      if (value === '') return null;
      const lower = value.toLowerCase();
      const existing = byKey.get(lower) ?? byName.get(lower);
      if (existing) return existing.key;
      if (!schoolKeyPattern.test(lower)) {
        cells.error(
          'school',
          { code: 'school_key_invalid', params: { value } },
          `"${value}" is not a known school, and not usable as the key of a new one (lower-case letters, digits, - and _, at most 40, e.g. "de-linde"). Use the school's key.`,
        );
        return null;
      }
      newSchools.add(lower);
      return lower;
    },
    schoolId: (key: string): number | null => byKey.get(key)?.id ?? null,
    classId(schoolKey: string, name: string): number | null {
      const schoolId = byKey.get(schoolKey)?.id;
      const id = schoolId === undefined ? undefined : classes.get(`${schoolId}/${name}`);
      if (id !== undefined) return id;
      newClasses.set(`${schoolKey}/${name}`, { schoolKey, name });
      return null;
    },
  };
}

export type OrgLookup = ReturnType<typeof orgLookup>;
