import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobInfo } from '../../shared/contract/jobs';
import { evaluateConsent } from '../../shared/domain/consent';
import { todayIso } from '../../shared/domain/dates';
import { localAdmin } from '../../electron/core/api/context';
import { dispatch } from '../../electron/core/api/dispatch';
import { createHandlers } from '../../electron/core/api/handlers';
import { importCsv } from '../../electron/core/csv/import-csv';
import { demoFilesDate, findDemoFolder, shiftDemoDates } from '../../electron/core/demo/demo-files';
import { startDemoLoad, type DemoLoadReport } from '../../electron/core/demo/load-demo';
import type { Library } from '../../electron/core/library';
import { consentMatrix } from '../../electron/core/services/consent-service';
import { tempLibrary } from '../helpers/temp-library';

/** Every person's consent state per channel on `date`, keyed "EXTERNAL-ID/channel". */
function consentStates(lib: Library, date: string): Map<string, string> {
  const history = lib.repos.consent.all();
  const result = new Map<string, string>();
  for (const p of lib.repos.people.list()) {
    const own = history.filter((r) => r.personId === p.id);
    for (const c of lib.repos.channels.list()) result.set(`${p.externalId}/${c.key}`, evaluateConsent(p, own, c.key, date).state);
  }
  return result;
}

function finished(lib: Library, jobId: number): Promise<JobInfo> {
  return new Promise((resolve) => {
    const stop = lib.events.onAny((name, payload) => {
      if (name === 'job.finished' && (payload as JobInfo).id === jobId) {
        stop();
        resolve(payload as JobInfo);
      }
    });
    const now = lib.jobs.list().find((j) => j.id === jobId);
    if (now && now.status !== 'running') {
      stop();
      resolve(now);
    }
  });
}

describe('the demo school', () => {
  let lib: Library;
  let cleanup: () => void;
  let report: DemoLoadReport;
  const today = todayIso();

  beforeAll(async () => {
    ({ lib, cleanup } = tempLibrary());
    const started = startDemoLoad(lib, localAdmin);
    report = await started.done;
    expect(lib.jobs.list().find((j) => j.id === started.jobId)).toMatchObject({ kind: 'demo', status: 'done' });
  }, 120_000);
  afterAll(() => cleanup());

  it('has a foundation with two schools, six classes and 34 people', () => {
    expect(lib.repos.settings.get('foundation_name')).toBe('Stichting De Linde');
    expect(lib.repos.schools.listSchools().map((s) => [s.key, s.name])).toEqual([
      ['de-linde', 'Basisschool De Linde'],
      ['het-baken', 'Het Baken (voortgezet onderwijs)'],
    ]);
    expect(lib.repos.schools.listClasses().map((c) => c.name).sort()).toEqual(['1A', '4 havo', '5 vwo', 'Groep 3', 'Groep 5', 'Groep 8']);
    const people = lib.repos.people.list();
    expect(people).toHaveLength(34);
    expect(people.filter((p) => p.role === 'staff')).toHaveLength(5);
    expect(lib.repos.people.findByExternalId('HB-1004')!.lastName).toBe('Yılmaz');
    expect(report.people).toMatchObject({ applied: true, peopleCreated: 34, schoolsToCreate: [], errors: [], warnings: [] });
  });

  it('has consent records of every status, from the demo, with history', () => {
    expect(report.consents).toMatchObject({ applied: true, consentsAdded: 175, errors: [], warnings: [] });
    const records = lib.repos.consent.all();
    expect(records).toHaveLength(175);
    expect(new Set(records.map((r) => r.status))).toEqual(new Set(['granted', 'refused', 'withdrawn']));
    expect(records.every((r) => r.source === 'demo')).toBe(true);
    expect(new Set(records.map((r) => r.givenBy))).toEqual(new Set(['guardian', 'pupil', 'self']));
  });

  it('shows, today, every state a school meets: granted, refused, withdrawn, expired, needs pupil and no answer', () => {
    const states = consentStates(lib, today);
    expect(new Set(states.values())).toEqual(new Set(['granted', 'refused', 'withdrawn', 'expired', 'needs_pupil', 'none']));
    expect(states.get('HB-4001/website')).toBe('needs_pupil');
    expect(states.get('DL-3002/website')).toBe('withdrawn');
    expect(states.get('DL-5002/website')).toBe('expired');
    expect(states.get('HB-4004/website')).toBe('granted');
    expect(states.get('HB-5001/website')).toBe('granted');
    expect(states.get('DL-3005/website')).toBe('none');
  });

  it('flags the 4 havo pupils who turned 16 or turn 16 within 30 days', () => {
    const havo = lib.repos.schools.listClasses().find((c) => c.name === '4 havo')!;
    const flagged = consentMatrix(lib, havo.id, today)
      .rows.filter((r) => r.ownConsentFrom !== null && r.ownConsentFrom > today)
      .map((r) => r.person.externalId);
    expect(flagged.sort()).toEqual(['HB-4002', 'HB-4006']);
  });

  it('imports the demo photos and video in two batches with their licences', () => {
    expect(report.media.map((b) => [b.status, b.imported, b.duplicates, b.failed])).toEqual([
      ['done', 6, 0, []],
      ['done', 3, 0, []],
    ]);
    expect(lib.repos.media.count()).toBe(9);
    const rows = lib.db.prepare('SELECT kind, license, has_audio AS hasAudio, school_id AS schoolId FROM media ORDER BY id').all() as {
      kind: string;
      license: string;
      hasAudio: number | null;
    }[];
    expect(rows.filter((r) => r.kind === 'video')).toMatchObject([{ license: 'third_party', hasAudio: 1 }]);
    expect(rows.filter((r) => r.license === 'cc0')).toHaveLength(3);
  });

  it('refuses to load into a library that is no longer empty, with a sentence', async () => {
    const again = await dispatch(createHandlers(lib), 'library.loadDemo', {}, localAdmin);
    expect(again).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        message:
          'This library already holds schools, people or media, and the demo school only loads into an empty library. Open a new library folder to try the demo.',
      },
    });
  });

  it('records what it did in the audit log', () => {
    const actions = lib.repos.audit.list(100_000).map((e) => e.action);
    expect(actions.filter((a) => a === 'csv.imported')).toHaveLength(2);
    expect(actions.filter((a) => a === 'school.created')).toHaveLength(2);
    expect(actions.filter((a) => a === 'media.imported')).toHaveLength(9);
  });
});

describe('the library.loadDemo command', () => {
  it('returns the job id at once; cancelling stops after the current step and keeps what was loaded', async () => {
    const { lib, cleanup } = tempLibrary();
    try {
      const started = await dispatch(createHandlers(lib), 'library.loadDemo', {}, localAdmin);
      expect(started).toMatchObject({ ok: true, value: { jobId: expect.any(Number) } });
      const { jobId } = (started as { value: { jobId: number } }).value;
      lib.jobs.cancel(jobId);
      const info = await finished(lib, jobId);
      expect(info).toMatchObject({ kind: 'demo', status: 'cancelled' });
      expect(info.error).toMatchObject({ code: 'cancelled', message: expect.stringMatching(/cancelled/) });
      expect(lib.repos.people.count()).toBe(34);
      expect(lib.repos.media.count()).toBe(0);
    } finally {
      cleanup();
    }
  });
});

describe('the demo dates', () => {
  const load = (lib: Library, today: string) => {
    for (const [kind, file] of [['people', 'people.csv'], ['consents', 'consents.csv']] as const) {
      const text = shiftDemoDates(readFileSync(join(findDemoFolder(), file), 'utf8'), today);
      expect(importCsv(lib, localAdmin, kind, Buffer.from(text), { dryRun: false, source: 'demo', today })).toMatchObject({ applied: true, warnings: [] });
    }
  };

  it('are the files as written on the day the files are dated', () => {
    expect(shiftDemoDates('DL-1,2019-11-03,x,2026-09-01,', demoFilesDate)).toBe('DL-1,2019-11-03,x,2026-09-01,');
    expect(shiftDemoDates('DL-1,2019-11-03,x,2026-09-01,', '2026-12-05')).toBe('DL-1,2019-11-13,x,2026-09-11,');
  });

  it.each(['2026-03-01', '2027-08-15', '2031-02-28'])('give the same consent states when the demo is loaded on %s', (day) => {
    const reference = tempLibrary();
    const shifted = tempLibrary();
    try {
      load(reference.lib, demoFilesDate);
      load(shifted.lib, day);
      const expected = consentStates(reference.lib, demoFilesDate);
      expect(expected.get('HB-4001/website')).toBe('needs_pupil');
      expect(consentStates(shifted.lib, day)).toEqual(expected);
    } finally {
      reference.cleanup();
      shifted.cleanup();
    }
  });
});
