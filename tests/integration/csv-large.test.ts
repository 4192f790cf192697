import { afterEach, beforeEach, expect, it } from 'vitest';
import { localAdmin } from '../../electron/core/api/context';
import { importCsv } from '../../electron/core/csv/import-csv';
import type { Library } from '../../electron/core/library';
import { tempLibrary } from '../helpers/temp-library';

let lib: Library;
let cleanup: () => void;
beforeEach(() => ({ lib, cleanup } = tempLibrary()));
afterEach(() => cleanup());

const schools = ['de-linde', 'het-baken', 'de-wilg', 'het-anker'];

function peopleCsv(n: number): Buffer {
  const lines = ['external_id;first_name;last_name;role;school;class;date_of_birth'];
  for (let i = 0; i < n; i++) {
    const school = schools[i % schools.length];
    const role = i % 25 === 0 ? 'staff' : 'pupil';
    const klass = role === 'staff' ? '' : `Groep ${1 + (Math.floor(i / 4) % 8)}`;
    const dob = role === 'staff' ? '' : `${2010 + (i % 10)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    lines.push(`N${String(i).padStart(5, '0')};Voornaam${i};Achternaam ${i % 997};${role};${school};${klass};${dob}`);
  }
  return Buffer.from(lines.join('\r\n'));
}

it('imports 10,000 people in one transaction, and re-imports them as unchanged', () => {
  const file = peopleCsv(10_000);
  const dry = importCsv(lib, localAdmin, 'people', file, { dryRun: true });
  expect(dry).toMatchObject({ rows: 10_000, peopleCreated: 10_000, errors: [], schoolsToCreate: schools });
  expect(dry.classesToCreate).toHaveLength(32);
  expect(lib.repos.people.count()).toBe(0);

  const applied = importCsv(lib, localAdmin, 'people', file, { dryRun: false });
  expect(applied).toMatchObject({ applied: true, peopleCreated: 10_000, peopleUpdated: 0, unchanged: 0 });
  expect(lib.repos.people.count()).toBe(10_000);
  expect(lib.repos.people.list({ search: 'N09999' })).toMatchObject([{ firstName: 'Voornaam9999', role: 'pupil' }]);
  expect(lib.repos.people.list().filter((p) => p.role === 'staff')).toHaveLength(400);
  const audit = lib.repos.audit.list(100_000);
  expect(audit).toHaveLength(4 + 32 + 10_000 + 1);

  const again = importCsv(lib, localAdmin, 'people', file, { dryRun: false });
  expect(again).toMatchObject({ peopleCreated: 0, peopleUpdated: 0, unchanged: 10_000 });
  expect(lib.repos.audit.list(100_000)).toHaveLength(audit.length);
});
