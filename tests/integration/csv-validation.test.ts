import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localAdmin } from '../../electron/core/api/context';
import { importCsv } from '../../electron/core/csv/import-csv';
import type { Library } from '../../electron/core/library';
import { tempLibrary } from '../helpers/temp-library';

const fixture = (name: string): Buffer => readFileSync(join(__dirname, '../fixtures/csv', name));

let lib: Library;
let cleanup: () => void;
beforeEach(() => ({ lib, cleanup } = tempLibrary()));
afterEach(() => cleanup());

const today = '2026-11-25';
const check = (kind: 'people' | 'consents', name: string, extra: { mapping?: Record<string, string> } = {}) =>
  importCsv(lib, localAdmin, kind, fixture(name), { dryRun: false, today, ...extra });
const where = (problems: { line: number | null; column: string | null }[]) => problems.map((p) => [p.line, p.column]);

describe('file-level problems', () => {
  it('a PNG renamed to .csv gives one clear error and changes nothing', () => {
    const report = check('people', 'not-a-csv.csv');
    expect(report).toMatchObject({ applied: false, rows: 0, headers: [] });
    expect(report.errors).toEqual([
      {
        line: null,
        column: null,
        code: 'not_text',
        params: { kind: 'png' },
        message: 'This file is a PNG image, not a CSV text file. Save or export the list as "CSV (comma or semicolon separated)" and choose that file.',
      },
    ]);
    expect(report.messages[0]).toBe('ClearFrame could not read this file, so nothing was imported.');
  });

  it('missing columns stop the file before any row is read', () => {
    const report = check('people', 'people-missing-columns.csv');
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]!.message).toMatch(/^The file lacks the columns last_name, class\. Headers found: "external_id", "first_name", "surname"/);
    expect(report.errors[0]).toMatchObject({
      code: 'missing_columns',
      params: {
        missing: [
          { field: 'last_name', mappedTo: null },
          { field: 'class', mappedTo: null },
        ],
        headers: ['external_id', 'first_name', 'surname', 'role', 'school'],
      },
    });
    expect(report.headers).toEqual(['external_id', 'first_name', 'surname', 'role', 'school']);
    expect(lib.repos.people.count()).toBe(0);
  });

  it('a mapping to a header the file lacks is reported with the mapping', () => {
    const report = check('people', 'people-utf8-bom.csv', { mapping: { external_id: 'Leerlingnummer' } });
    expect(report.errors[0]!.message).toMatch(/lacks the column external_id \(mapped to "Leerlingnummer"\)/);
    expect(report.errors[0]).toMatchObject({ code: 'missing_columns', params: { missing: [{ field: 'external_id', mappedTo: 'Leerlingnummer' }] } });
  });
});

describe('row problems in a people file', () => {
  it('bad dates: impossible, day-first and future dates, with line, column and value', () => {
    const report = check('people', 'people-bad-dates.csv');
    expect(report.applied).toBe(false);
    expect(report.errors).toEqual([
      {
        line: 2,
        column: 'date_of_birth',
        code: 'date_invalid',
        params: { field: 'date_of_birth', value: '2017-02-30', suggestion: null },
        message: '"2017-02-30" is not a valid date. Write it as YYYY-MM-DD, e.g. 2012-03-15.',
      },
      {
        line: 3,
        column: 'date_of_birth',
        code: 'date_invalid',
        params: { field: 'date_of_birth', value: '14-03-2017', suggestion: '2017-03-14' },
        message: '"14-03-2017" is not a valid date. It looks like day-month-year: write it as 2017-03-14.',
      },
      {
        line: 4,
        column: 'date_of_birth',
        code: 'date_in_future',
        params: { field: 'date_of_birth', value: '2099-01-01', today: '2026-11-25' },
        message: '2099-01-01 lies in the future (today is 2026-11-25).',
      },
    ]);
    expect(lib.repos.people.count()).toBe(0);
    expect(lib.repos.schools.listSchools()).toEqual([]);
  });

  it('duplicate external ids name the line of the first use', () => {
    const report = check('people', 'people-duplicate-ids.csv');
    expect(report.errors).toEqual([
      {
        line: 4,
        column: 'external_id',
        code: 'duplicate_external_id',
        params: { externalId: 'P-1', firstLine: 2 },
        message: 'The external id "P-1" is already used on line 2. Each person may appear once.',
      },
    ]);
  });

  it('unknown roles', () => {
    const report = check('people', 'people-unknown-role.csv');
    expect(report.errors).toEqual([
      {
        line: 2,
        column: 'role',
        code: 'choice_unknown',
        params: { field: 'role', value: 'teacher', options: ['pupil', 'staff'] },
        message: 'Unknown role "teacher". Use one of: pupil, staff.',
      },
    ]);
  });

  it('rows with too few or too many fields; trailing empty fields are fine', () => {
    const report = check('people', 'people-field-count.csv');
    expect(where(report.errors)).toEqual([
      [2, null],
      [3, null],
    ]);
    expect(report.errors[0]!.message).toMatch(/has 6 fields, but the header has 7/);
    expect(report.errors[1]!.message).toMatch(/has 8 fields, but the header has 7.*double quotes/);
  });

  it('keeps formula-like cells as plain text and warns about them', () => {
    const report = check('people', 'people-formula.csv');
    expect(report.applied).toBe(true);
    expect(where(report.warnings)).toEqual([
      [2, 'first_name'],
      [3, 'first_name'],
      [3, 'last_name'],
      [3, 'class'],
    ]);
    expect(report.warnings[0]).toMatchObject({
      code: 'formula_cell',
      params: { field: 'first_name', value: '=HYPERLINK("http://example.invalid","cli', first: '=' },
    });
    expect(report.warnings.map((w) => w.code)).toEqual(['formula_cell', 'formula_cell', 'formula_cell', 'formula_cell']);
    expect(lib.repos.people.findByExternalId('FX-1')!.firstName).toBe('=HYPERLINK("http://example.invalid","click")');
    expect(lib.repos.people.findByExternalId('FX-2')).toMatchObject({ firstName: '+31612345678', lastName: '@Dijkstra' });
    expect(lib.repos.schools.listClasses().map((c) => c.name).sort()).toEqual(['-Groep 8', 'Groep 8']);
  });

  it('refuses names over 200 characters but counts characters, not bytes', () => {
    const report = check('people', 'people-long-names.csv');
    expect(report.errors).toEqual([
      {
        line: 2,
        column: 'first_name',
        code: 'value_too_long',
        params: { field: 'first_name', length: 255, max: 200 },
        message: 'The first name is 255 characters long; at most 200 are allowed. Shorten it in the file.',
      },
    ]);
    const ok = importCsv(lib, localAdmin, 'people', Buffer.from(fixture('people-long-names.csv').toString().split('\n').filter((_, i) => i !== 1).join('\n')), {
      dryRun: false,
    });
    expect(ok.applied).toBe(true);
    expect(lib.repos.people.findByExternalId('L-2')!.firstName).toBe('é'.repeat(200));
  });

  it('refuses a school value that is neither a known school nor a usable key', () => {
    const csv = 'external_id,first_name,last_name,role,school,class\nA,An,Aa,pupil,Basisschool De Linde,3\nB,Bo,Bb,pupil,,3\n';
    const report = importCsv(lib, localAdmin, 'people', Buffer.from(csv), { dryRun: true });
    expect(where(report.errors)).toEqual([
      [2, 'school'],
      [3, 'class'],
    ]);
  });

  it('says when a file has more problems than it lists', () => {
    const rows = Array.from({ length: 600 }, (_, i) => `X${i},A,B,alien,de-linde,,`);
    const report = importCsv(lib, localAdmin, 'people', Buffer.from(['external_id,first_name,last_name,role,school,class,date_of_birth', ...rows].join('\n')), {
      dryRun: true,
    });
    expect(report.errors).toHaveLength(500);
    expect(report.messages[0]).toBe('The file has 600 errors, so nothing was imported: a file is applied completely or not at all.');
    expect(report.messages.at(-1)).toMatch(/Only the first 500 problems are listed/);
  });
});

describe('row problems in a consents file', () => {
  beforeEach(() => void check('people', 'people-utf8-bom.csv'));

  it('unknown channels, unknown people, wrong givers, unknown status and an end before the start', () => {
    const report = check('consents', 'consents-problems.csv');
    expect(report.applied).toBe(false);
    expect(report.errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [2, 'channel', 'Unknown channel "tiktok". Use one of: website, newsletter, parent_portal, press, facebook, x, linkedin, youtube, instagram.'],
      [3, 'external_id', 'No person has the external id "NOBODY-9". Import the people list first, or correct the id.'],
      [4, null, 'Staff members answer for themselves: use "self".'],
      [5, null, 'For a pupil, consent is given by the guardian or by the pupil.'],
      [6, 'status', 'Unknown status "maybe". Use one of: granted, refused, withdrawn.'],
      [7, null, '"Valid until" (2025-01-01) is before the day the answer was given (2025-09-01).'],
    ]);
    expect(lib.repos.consent.count()).toBe(0);
  });

  it('warns when the answer came from someone other than who had to give it', () => {
    const csv = [
      'external_id,channel,status,given_by,given_on,valid_until',
      'DL-1001,website,granted,pupil,2025-09-01,',
      'HB-2001,website,granted,guardian,2026-01-05,',
    ].join('\n');
    const report = importCsv(lib, localAdmin, 'consents', Buffer.from(csv), { dryRun: true, today });
    expect(report.errors).toEqual([]);
    expect(report.warnings.map((w) => [w.line, w.column])).toEqual([
      [2, 'given_by'],
      [3, 'given_by'],
    ]);
    expect(report.warnings[0]!.message).toBe('Daan de Vries was under 16 on 2025-09-01, so a guardian must answer; this record will show as given by the wrong person.');
  });

  it('imports a repeated row once, and flags an answer older than the current one', () => {
    const csv = [
      'external_id,channel,status,given_by,given_on,valid_until',
      'DL-1001,website,granted,guardian,2025-09-01,',
      'DL-1001,website,granted,guardian,2025-09-01,',
      'DL-1001,website,refused,guardian,2025-06-01,',
    ].join('\n');
    const report = importCsv(lib, localAdmin, 'consents', Buffer.from(csv), { dryRun: false, today });
    expect(report).toMatchObject({ applied: true, consentsAdded: 2, unchanged: 1 });
    expect(report.warnings.map((w) => w.line)).toEqual([3, 4]);
    expect(report.warnings[1]!.message).toMatch(/older than the latest one for website \(2025-09-01\)/);
  });

  it('refuses an answer dated in the future', () => {
    const csv = 'external_id,channel,status,given_on\nDL-1001,website,granted,2026-11-26\n';
    const report = importCsv(lib, localAdmin, 'consents', Buffer.from(csv), { dryRun: true, today });
    expect(report.errors).toEqual([
      {
        line: 2,
        column: 'given_on',
        code: 'date_in_future',
        params: { field: 'given_on', value: '2026-11-26', today: '2026-11-25' },
        message: '2026-11-26 lies in the future (today is 2026-11-25).',
      },
    ]);
  });
});
