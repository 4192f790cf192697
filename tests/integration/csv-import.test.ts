import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localAdmin } from '../../electron/core/api/context';
import { dispatch } from '../../electron/core/api/dispatch';
import { createHandlers } from '../../electron/core/api/handlers';
import { importCsv } from '../../electron/core/csv/import-csv';
import type { Library } from '../../electron/core/library';
import { consentOverview } from '../../electron/core/services/consent-service';
import { tempLibrary } from '../helpers/temp-library';

const fixture = (name: string): Buffer => readFileSync(join(__dirname, '../fixtures/csv', name));

let lib: Library;
let cleanup: () => void;
beforeEach(() => ({ lib, cleanup } = tempLibrary()));
afterEach(() => cleanup());

const snapshot = () => ({
  people: lib.repos.people.list(),
  schools: lib.repos.schools.listSchools(),
  classes: lib.repos.schools.listClasses(),
  consents: lib.repos.consent.all(),
  audit: lib.repos.audit.list(100_000).length,
});

describe('people import', () => {
  it('on a dry run reports what would change and writes nothing', () => {
    const before = snapshot();
    const report = importCsv(lib, localAdmin, 'people', fixture('people-utf8-bom.csv'), { dryRun: true });
    expect(report).toMatchObject({
      applied: false,
      rows: 5,
      schoolsToCreate: ['de-linde', 'het-baken'],
      classesToCreate: ['de-linde / Groep 8', 'de-linde / Groep 5', 'het-baken / 4 havo'],
      peopleCreated: 5,
      errors: [],
    });
    expect(report.messages[0]).toMatch(/nothing was written yet/);
    expect(snapshot()).toEqual(before);
  });

  it('applies people with their schools and classes in one go, with audit entries', () => {
    const report = importCsv(lib, localAdmin, 'people', fixture('people-utf8-bom.csv'), { dryRun: false });
    expect(report).toMatchObject({ applied: true, peopleCreated: 5, peopleUpdated: 0, unchanged: 0 });
    const schools = lib.repos.schools.listSchools();
    expect(schools.map((s) => [s.key, s.name]).sort()).toEqual([['de-linde', 'de-linde'], ['het-baken', 'het-baken']]);
    const sanne = lib.repos.people.findByExternalId('DL-1003')!;
    expect(sanne).toMatchObject({ firstName: 'Sanne', lastName: 'Jansen, van', role: 'pupil', dateOfBirth: '2017-01-20' });
    expect(lib.repos.schools.getClass(sanne.classId!)).toMatchObject({ name: 'Groep 5', schoolId: sanne.schoolId });
    const staff = lib.repos.people.findByExternalId('MW-01')!;
    expect(staff).toMatchObject({ role: 'staff', classId: null, dateOfBirth: null, schoolId: schools.find((s) => s.key === 'de-linde')!.id });
    const actions = lib.repos.audit.list().map((e) => e.action);
    expect(actions.filter((a) => a === 'school.created')).toHaveLength(2);
    expect(actions.filter((a) => a === 'class.created')).toHaveLength(3);
    expect(actions.filter((a) => a === 'person.created')).toHaveLength(5);
    expect(actions.at(-1)).toBe('csv.imported');
    expect(JSON.parse(lib.repos.audit.list().at(-1)!.details)).toMatchObject({ rows: 5, peopleCreated: 5 });
  });

  it('changes nothing when the same file is applied again', () => {
    importCsv(lib, localAdmin, 'people', fixture('people-utf8-bom.csv'), { dryRun: false });
    const before = snapshot();
    const again = importCsv(lib, localAdmin, 'people', fixture('people-utf8-bom.csv'), { dryRun: false });
    expect(again).toMatchObject({ applied: true, peopleCreated: 0, peopleUpdated: 0, unchanged: 5, schoolsToCreate: [], classesToCreate: [] });
    expect(again.messages[0]).toBe('Nothing changed: all 5 rows already match the library.');
    expect(snapshot()).toEqual(before);
  });

  it('updates a known person whose name, class or date of birth changed, recording before and after', () => {
    importCsv(lib, localAdmin, 'people', fixture('people-utf8-bom.csv'), { dryRun: false });
    const changed = [
      'external_id,first_name,last_name,role,school,class',
      'DL-1001,Daan,de Vries-Bos,pupil,de-linde,Groep 8',
      'DL-1002,Zoë,Brouwer,pupil,de-linde,Groep 7',
    ].join('\n');
    const report = importCsv(lib, localAdmin, 'people', Buffer.from(changed), { dryRun: false });
    expect(report).toMatchObject({ applied: true, peopleUpdated: 2, unchanged: 0, classesToCreate: ['de-linde / Groep 7'] });
    const daan = lib.repos.people.findByExternalId('DL-1001')!;
    // No date_of_birth column: the known date of birth stays.
    expect(daan).toMatchObject({ lastName: 'de Vries-Bos', dateOfBirth: '2014-05-12' });
    const entry = lib.repos.audit.list().find((e) => e.action === 'person.updated' && e.subject === `person:${daan.id}`)!;
    expect(JSON.parse(entry.details)).toMatchObject({ before: { lastName: 'de Vries' }, after: { lastName: 'de Vries-Bos' } });
  });

  it('reads Windows-1252 and semicolons, and a mapping for Dutch headers', () => {
    const w = importCsv(lib, localAdmin, 'people', fixture('people-windows-1252.csv'), { dryRun: false });
    expect(w).toMatchObject({ applied: true, encoding: 'windows-1252', delimiter: ';', peopleCreated: 3 });
    expect(lib.repos.people.findByExternalId('W-2')).toMatchObject({ firstName: 'Chloë', lastName: 'Daniëls' });

    const mapping = { external_id: 'Leerlingnummer', first_name: 'Voornaam', last_name: 'Achternaam', role: 'Rol', class: 'Klas', date_of_birth: 'Geboortedatum' };
    const s = importCsv(lib, localAdmin, 'people', fixture('people-semicolon.csv'), { dryRun: false, mapping });
    expect(s).toMatchObject({ applied: true, delimiter: ';', peopleCreated: 2, mapping: { school: 'School', class: 'Klas' } });
    expect(lib.repos.people.findByExternalId('S-2')!.lastName).toBe('Visser; jr.');
  });

  it('uses an existing school when the file names it by key or by name', () => {
    lib.transaction(() => lib.repos.schools.createSchool('de-linde', 'Basisschool De Linde'));
    const csv = 'external_id,first_name,last_name,role,school,class\nA,An,Aa,pupil,Basisschool De Linde,3\nB,Bo,Bb,pupil,DE-LINDE,3\n';
    const report = importCsv(lib, localAdmin, 'people', Buffer.from(csv), { dryRun: false });
    expect(report).toMatchObject({ applied: true, schoolsToCreate: [], classesToCreate: ['de-linde / 3'] });
    expect(lib.repos.schools.listSchools()).toHaveLength(1);
  });
});

describe('consent import', () => {
  beforeEach(() => void importCsv(lib, localAdmin, 'people', fixture('people-utf8-bom.csv'), { dryRun: false }));

  it('appends the history in the file, applies defaults, and changes nothing when applied again', () => {
    const dry = importCsv(lib, localAdmin, 'consents', fixture('consents-history.csv'), { dryRun: true });
    expect(dry).toMatchObject({ applied: false, consentsAdded: 7, errors: [] });
    expect(lib.repos.consent.count()).toBe(0);

    const first = importCsv(lib, localAdmin, 'consents', fixture('consents-history.csv'), { dryRun: false });
    expect(first).toMatchObject({ applied: true, consentsAdded: 7, unchanged: 0 });
    const daan = consentOverview(lib, 'DL-1001', '2026-01-15');
    expect(daan.history.filter((r) => r.channel === 'website').map((r) => [r.status, r.givenOn, r.validUntil])).toEqual([
      ['granted', '2025-09-01', '2026-07-31'],
      ['withdrawn', '2025-12-01', null],
    ]);
    expect(daan.history.every((r) => r.source === 'csv' && r.recordedBy === 'admin')).toBe(true);
    const state = (ref: string, channel: string) => consentOverview(lib, ref, '2026-01-15').current.find((c) => c.channel === channel)!.state;
    expect(state('DL-1001', 'website')).toBe('withdrawn');
    expect(state('DL-1001', 'newsletter')).toBe('granted');
    expect(state('DL-1002', 'facebook')).toBe('refused');
    expect(state('DL-1002', 'website')).toBe('expired');
    expect(state('HB-2001', 'website')).toBe('needs_pupil');
    expect(state('MW-01', 'linkedin')).toBe('granted');
    const actions = lib.repos.audit.list(100_000).map((e) => e.action);
    expect(actions.filter((a) => a.startsWith('consent.'))).toHaveLength(7);

    const before = snapshot();
    const again = importCsv(lib, localAdmin, 'consents', fixture('consents-history.csv'), { dryRun: false });
    expect(again).toMatchObject({ applied: true, consentsAdded: 0, unchanged: 7 });
    expect(snapshot()).toEqual(before);
  });

  it('appends a record when an answer differs from the current one, e.g. a withdrawal', () => {
    importCsv(lib, localAdmin, 'consents', fixture('consents-history.csv'), { dryRun: false });
    const csv = 'external_id,channel,status,given_by,given_on,valid_until\nMW-01,linkedin,withdrawn,self,2026-01-10,\n';
    expect(importCsv(lib, localAdmin, 'consents', Buffer.from(csv), { dryRun: false })).toMatchObject({ consentsAdded: 1, unchanged: 0 });
    expect(consentOverview(lib, 'MW-01', '2026-02-01').history.map((r) => r.status)).toEqual(['granted', 'withdrawn']);
  });

  it('reads a consents file through a mapping, leaving out the optional columns', () => {
    const mapping = { external_id: 'Leerling', channel: 'Kanaal', status: 'Antwoord', given_on: 'Gegeven op' };
    const report = importCsv(lib, localAdmin, 'consents', fixture('consents-mapped.csv'), { dryRun: false, mapping });
    expect(report).toMatchObject({ applied: true, consentsAdded: 1 });
    const [record] = consentOverview(lib, 'DL-1001').history;
    expect(record).toMatchObject({ channel: 'press', status: 'refused', givenBy: 'guardian', givenOn: '2025-10-01', validUntil: null });
  });

  it('writes nothing at all when one row has an error', () => {
    const before = snapshot();
    const csv = fixture('consents-history.csv').toString() + 'DL-1001,press,granted,guardian,2025-09-31,\n';
    const report = importCsv(lib, localAdmin, 'consents', Buffer.from(csv), { dryRun: false });
    expect(report.applied).toBe(false);
    expect(report.errors).toEqual([
      {
        line: 9,
        column: 'given_on',
        code: 'date_invalid',
        params: { field: 'given_on', value: '2025-09-31', suggestion: null },
        message: '"2025-09-31" is not a valid date. Write it as YYYY-MM-DD, e.g. 2012-03-15.',
      },
    ]);
    expect(report.messages).toEqual([
      'The file has 1 error, so nothing was imported: a file is applied completely or not at all.',
      'Fix the file (the lines and columns are listed below) and import it again.',
    ]);
    expect(snapshot()).toEqual(before);
  });
});

describe('the csv.import command', () => {
  it('takes the file as base64 and defaults to a dry run', async () => {
    const handlers = createHandlers(lib);
    const data = fixture('people-utf8-bom.csv').toString('base64');
    const dry = await dispatch(handlers, 'csv.import', { kind: 'people', data }, localAdmin);
    expect(dry).toMatchObject({ ok: true, value: { dryRun: true, applied: false, peopleCreated: 5 } });
    expect(lib.repos.people.count()).toBe(0);
    const applied = await dispatch(handlers, 'csv.import', { kind: 'people', data, dryRun: false }, localAdmin);
    expect(applied).toMatchObject({ ok: true, value: { applied: true, peopleCreated: 5 } });
    expect(lib.repos.people.count()).toBe(5);
  });

  it('tells the UI to refetch after an apply that changed something', () => {
    const seen: string[] = [];
    lib.events.onAny((name, payload) => seen.push(`${name}:${(payload as { what?: string }).what}`));
    importCsv(lib, localAdmin, 'people', fixture('people-utf8-bom.csv'), { dryRun: true });
    expect(seen).toEqual([]);
    importCsv(lib, localAdmin, 'people', fixture('people-utf8-bom.csv'), { dryRun: false });
    expect(seen).toEqual(['library.changed:org', 'library.changed:people']);
  });
});
