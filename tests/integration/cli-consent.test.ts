import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext } from '../../electron/core/api/context';
import { openLibrary } from '../../electron/core/library';
import { createClass, createSchool } from '../../electron/core/services/org-service';
import { createPerson } from '../../electron/core/services/people-service';
import { runCli, runJson, sentencePattern, tempRoot } from './cli-run';

const tmp = tempRoot('cf-cli-consent-');
const ids: Record<string, number> = {};

beforeAll(() => {
  const lib = openLibrary(tmp.home);
  const ctx: RequestContext = { actor: 'test' };
  const school = createSchool(lib, ctx, 'oak', 'Oak School');
  const group8 = createClass(lib, ctx, school.id, 'Group 8');
  const pupil = (externalId: string, firstName: string, dateOfBirth: string) =>
    createPerson(lib, ctx, { externalId, firstName, lastName: 'Jansen', role: 'pupil', classId: group8.id, schoolId: null, dateOfBirth });
  ids.P1 = pupil('P1', 'Emma', '2014-03-02').id;
  ids.P2 = pupil('P2', 'Daan', '2013-06-10').id;
  ids.P3 = pupil('P3', 'Sara', '2009-05-01').id;
  ids.S1 = createPerson(lib, ctx, {
    externalId: 'S1',
    firstName: 'Kees',
    lastName: 'Bakker',
    role: 'staff',
    classId: null,
    schoolId: school.id,
    dateOfBirth: null,
  }).id;
  lib.close();
});
afterAll(() => tmp.remove());

const { home } = tmp;

describe('consent set and consent show', () => {
  it('appends answers and shows them, history oldest first', async () => {
    const granted = await runJson(home, ['consent', 'set', 'P1', 'website', 'granted', '--on', '2025-09-01']);
    expect(granted.code).toBe(0);
    expect(granted.json).toEqual({
      person: { id: ids.P1, external_id: 'P1', name: 'Emma Jansen' },
      record: {
        id: expect.any(Number),
        channel: 'website',
        status: 'granted',
        given_by: 'guardian',
        given_on: '2025-09-01',
        valid_until: '2026-07-31',
        note: null,
        evidence: null,
        source: 'manual',
        recorded_at: expect.any(String),
        // Single-user library: the CLI runs as the admin profile, and records its name.
        recorded_by: 'admin',
      },
    });
    // By numeric id this time: a person is named by id or external id.
    const withdrawn = await runJson(home, ['consent', 'set', String(ids.P1), 'website', 'withdrawn', '--on', '2025-10-01', '--note', 'Asked by phone']);
    expect(withdrawn.code).toBe(0);
    expect(withdrawn.json.record).toMatchObject({ status: 'withdrawn', given_by: 'guardian', valid_until: null, note: 'Asked by phone' });

    const shown = await runJson(home, ['consent', 'show', 'P1', '--date', '2025-11-01']);
    expect(shown.code).toBe(0);
    expect(shown.json.person).toEqual({ id: ids.P1, external_id: 'P1', name: 'Emma Jansen' });
    expect(shown.json.date).toBe('2025-11-01');
    expect(shown.json.history.map((r: { status: string; given_on: string }) => [r.status, r.given_on])).toEqual([
      ['granted', '2025-09-01'],
      ['withdrawn', '2025-10-01'],
    ]);
    const website = shown.json.current.find((c: { channel: string }) => c.channel === 'website');
    expect(website).toEqual({
      channel: 'website',
      status: 'withdrawn',
      given_by: 'guardian',
      given_on: '2025-10-01',
      valid_until: null,
      state: 'withdrawn',
      required_giver: 'guardian',
    });
    const press = shown.json.current.find((c: { channel: string }) => c.channel === 'press');
    expect(press).toEqual({
      channel: 'press',
      status: null,
      given_by: null,
      given_on: null,
      valid_until: null,
      state: 'none',
      required_giver: 'guardian',
    });
    expect(shown.json.current).toHaveLength(9);
  });

  it('keeps the answer on record as status and says it has expired in state', async () => {
    await runJson(home, ['consent', 'set', 'P2', 'newsletter', 'granted', '--on', '2024-09-01']);
    const r = await runJson(home, ['consent', 'show', 'P2', '--date', '2025-09-01']);
    expect(r.json.current.find((c: { channel: string }) => c.channel === 'newsletter')).toMatchObject({
      status: 'granted',
      valid_until: '2025-07-31',
      state: 'expired',
    });
  });

  it('shows that a pupil of 16 must answer personally', async () => {
    await runJson(home, ['consent', 'set', 'P3', 'website', 'granted', '--on', '2025-01-10', '--by', 'guardian']);
    const r = await runJson(home, ['consent', 'show', 'P3', '--date', '2025-06-01']);
    expect(r.json.current.find((c: { channel: string }) => c.channel === 'website')).toMatchObject({
      status: 'granted',
      given_by: 'guardian',
      state: 'needs_pupil',
      required_giver: 'pupil',
    });
  });

  it('prints a table and the history without --json', async () => {
    const r = await runCli(['--home', home, 'consent', 'show', 'P1', '--date', '2025-11-01']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Emma Jansen \(P1\), on 2025-11-01:\nCHANNEL\s+STATE/);
    expect(r.stdout).toMatch(/website\s+withdrawn\s+withdrawn\s+guardian\s+2025-10-01/);
    expect(r.stdout).toContain('History (oldest first):');
    expect(r.stdout).toContain('Asked by phone');
  });
});

describe('consent errors', () => {
  it('an unknown person exits 1 with a sentence and writes nothing', async () => {
    const set = await runJson(home, ['consent', 'set', 'NOPE', 'website', 'granted']);
    expect(set.code).toBe(1);
    expect(set.json).toEqual({ error: { code: 'not_found', message: expect.stringContaining('"NOPE"') } });
    expect(set.stderr).toMatch(sentencePattern);
    const show = await runCli(['--home', home, 'consent', 'show', 'NOPE']);
    expect(show.code).toBe(1);
    expect(show.stdout).toBe('');
    expect(show.stderr).toMatch(/^clearframe: No person with id or external id "NOPE"\..*\n$/);
    expect((await runJson(home, ['status'])).json.consents).toBe(4);
  });

  it.each([
    [['consent', 'set', 'P1', 'website', 'granted', '--until', '2026-02-30'], /--until "2026-02-30" is not a date/],
    [['consent', 'set', 'P1', 'website', 'granted', '--on', 'yesterday'], /--on "yesterday" is not a date/],
    [['consent', 'show', 'P1', '--date', '01-11-2025'], /--date "01-11-2025" is not a date/],
    [['consent', 'set', 'P1', 'website', 'maybe'], /The answer "maybe" is not one of: granted, refused, withdrawn\./],
    [['consent', 'set', 'P1', 'website', 'granted', '--by', 'teacher'], /--by "teacher" is not one of: guardian, pupil, self\./],
    [['consent', 'set', 'P1', 'tiktok', 'granted'], /Unknown channel "tiktok"\. Known channels: website/],
    [['consent', 'set', 'S1', 'website', 'granted', '--by', 'guardian'], /Staff members answer for themselves/],
    [['consent', 'set', 'P1', 'press', 'granted', '--on', '2025-09-01', '--until', '2025-08-01'], /before the day the answer was given/],
  ])('bad arguments exit 2 with a sentence: %j', async (args, message) => {
    const r = await runJson(home, args);
    expect(r.code).toBe(2);
    expect(r.json.error).toEqual({ code: 'invalid_input', message: expect.stringMatching(message) });
    expect(r.stderr).toMatch(sentencePattern);
  });
});

describe('people list', () => {
  it('lists people with their school key and class name', async () => {
    const r = await runJson(home, ['people', 'list', '--class', 'Group 8']);
    expect(r.code).toBe(0);
    expect(r.json.map((p: { external_id: string }) => p.external_id).sort()).toEqual(['P1', 'P2', 'P3']);
    expect(r.json.find((p: { external_id: string }) => p.external_id === 'P1')).toEqual({
      id: ids.P1,
      external_id: 'P1',
      name: 'Emma Jansen',
      first_name: 'Emma',
      last_name: 'Jansen',
      role: 'pupil',
      school: 'oak',
      class: 'Group 8',
      date_of_birth: '2014-03-02',
    });
    const staff = await runJson(home, ['people', 'list', '--school', 'oak', '--search', 'Kees']);
    expect(staff.json).toEqual([expect.objectContaining({ external_id: 'S1', role: 'staff', class: null })]);
  });

  it('an unknown class or school exits 1', async () => {
    expect((await runJson(home, ['people', 'list', '--class', 'Group 9'])).code).toBe(1);
    const r = await runJson(home, ['people', 'list', '--school', 'elm']);
    expect(r.code).toBe(1);
    expect(r.json.error.message).toBe('There is no school with the key "elm" (known: oak).');
  });
});
