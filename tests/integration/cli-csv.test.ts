import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, runJson, sentencePattern, tempRoot } from './cli-run';

const fixtures = resolve(__dirname, '..', 'fixtures', 'csv');
const csv = (name: string) => join(fixtures, name);
const tmp = tempRoot('cf-cli-csv-');
afterAll(() => tmp.remove());
const { home } = tmp;

const counts = async () => {
  const { json } = await runJson(home, ['status']);
  return { people: json.people, consents: json.consents };
};

describe('people import', () => {
  it('a dry run reports what would change and writes nothing', async () => {
    const r = await runJson(home, ['people', 'import', csv('people-utf8-bom.csv'), '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ kind: 'people', dry_run: true, applied: false, encoding: 'utf-8', delimiter: ',', rows: 5, errors: [] });
    expect(r.json.people_created).toBe(5);
    expect(r.json.schools_to_create).toContain('de-linde');
    expect(await counts()).toEqual({ people: 0, consents: 0 });
  });

  it('applies the file, and importing it again changes nothing', async () => {
    const first = await runJson(home, ['people', 'import', csv('people-utf8-bom.csv')]);
    expect(first.code).toBe(0);
    expect(first.json).toMatchObject({ applied: true, people_created: 5, people_updated: 0, unchanged: 0 });
    expect(Object.keys(first.json).sort()).toEqual(
      [
        'kind', 'dry_run', 'applied', 'encoding', 'delimiter', 'headers', 'mapping', 'rows', 'schools_to_create', 'classes_to_create',
        'people_created', 'people_updated', 'consents_added', 'unchanged', 'errors', 'warnings', 'messages',
      ].sort(),
    );
    const people = (await runJson(home, ['people', 'list'])).json;

    const again = await runJson(home, ['people', 'import', csv('people-utf8-bom.csv')]);
    expect(again.code).toBe(0);
    expect(again.json).toMatchObject({ people_created: 0, people_updated: 0, unchanged: 5, schools_to_create: [], classes_to_create: [] });
    expect((await runJson(home, ['people', 'list'])).json).toEqual(people);
    expect(await counts()).toEqual({ people: 5, consents: 0 });
  });

  it('reads headers named differently with --map', async () => {
    const map = ['external_id=Leerlingnummer', 'first_name=Voornaam', 'last_name=Achternaam', 'role=Rol', 'school=School', 'class=Klas'];
    const args = ['people', 'import', csv('people-semicolon.csv'), ...map.flatMap((m) => ['--map', m]), '--map', 'date_of_birth=Geboortedatum'];
    const r = await runJson(home, args);
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ delimiter: ';', applied: true, people_created: 2 });
    expect(r.json.mapping.external_id).toBe('Leerlingnummer');
  });

  it('a file with errors exits 1, lists them and changes nothing', async () => {
    const before = await counts();
    const r = await runJson(home, ['people', 'import', csv('people-bad-dates.csv')]);
    expect(r.code).toBe(1);
    expect(r.json.applied).toBe(false);
    expect(r.json.errors.length).toBeGreaterThan(0);
    expect(r.json.errors[0]).toEqual({ line: expect.any(Number), column: expect.any(String), message: expect.any(String) });
    expect(r.stderr).toMatch(sentencePattern);
    expect(r.stderr).toContain('nothing was imported');
    expect(await counts()).toEqual(before);
  });

  it('prints the report as text without --json', async () => {
    const r = await runCli(['--home', home, 'people', 'import', csv('people-bad-dates.csv'), '--dry-run']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^4 rows read \(utf-8, "," separated\)\./);
    expect(r.stdout).toMatch(/\nErrors:\n {2}line 2, date_of_birth: /);
  });
});

describe('files that cannot be read', () => {
  it.each([
    ['a file that is not there', csv('no-such-file.csv'), 'io_error'],
    ['a folder', fixtures, 'io_error'],
  ])('%s exits 1 with a sentence', async (_what, path, code) => {
    const r = await runJson(home, ['people', 'import', path]);
    expect(r.code).toBe(1);
    expect(r.json).toEqual({ error: { code, message: expect.stringMatching(/^Cannot read the CSV file .* \((ENOENT|EISDIR)\)\.$/) } });
    expect(r.stderr).toMatch(sentencePattern);
  });

  it('an image saved as .csv exits 1 with the reason', async () => {
    const r = await runJson(home, ['consent', 'import', csv('not-a-csv.csv')]);
    expect(r.code).toBe(1);
    expect(r.json.applied).toBe(false);
    expect(r.json.errors[0].line).toBeNull();
    expect(r.stderr).toMatch(/^clearframe: .*not-a-csv\.csv: .+\n$/);
  });

  it('--map naming a column that does not exist is a usage error', async () => {
    const r = await runJson(home, ['people', 'import', csv('people-utf8-bom.csv'), '--map', 'pupil_id=Leerling']);
    expect(r.code).toBe(2);
    expect(r.json.error.message).toMatch(/^--map names "pupil_id", which is not a column here/);
  });
});

describe('consent import', () => {
  it('adds the history once; again changes nothing', async () => {
    await runJson(home, ['people', 'import', csv('people-utf8-bom.csv')]);
    const dry = await runJson(home, ['consent', 'import', csv('consents-history.csv'), '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.json).toMatchObject({ kind: 'consents', dry_run: true, applied: false });
    expect((await counts()).consents).toBe(0);

    const applied = await runJson(home, ['consent', 'import', csv('consents-history.csv')]);
    expect(applied.code).toBe(0);
    expect(applied.json.applied).toBe(true);
    const added = applied.json.consents_added;
    expect(added).toBeGreaterThan(0);
    expect((await counts()).consents).toBe(added);

    const again = await runJson(home, ['consent', 'import', csv('consents-history.csv')]);
    expect(again.json).toMatchObject({ consents_added: 0, unchanged: applied.json.rows });
    expect((await counts()).consents).toBe(added);

    const shown = await runJson(home, ['consent', 'show', 'DL-1001', '--date', '2026-01-01']);
    expect(shown.json.history.filter((r: { channel: string }) => r.channel === 'website').map((r: { status: string }) => r.status)).toEqual([
      'granted',
      'withdrawn',
    ]);
    expect(shown.json.current.find((c: { channel: string }) => c.channel === 'website')).toMatchObject({ status: 'withdrawn', state: 'withdrawn' });
  });

  it('a consents file with errors exits 1 and adds nothing', async () => {
    const before = await counts();
    const r = await runJson(home, ['consent', 'import', csv('consents-problems.csv')]);
    expect(r.code).toBe(1);
    expect(r.json.errors.length).toBeGreaterThan(0);
    expect(await counts()).toEqual(before);
  });
});
