import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { localAdmin } from '../electron/core/api/context';
import { dispatch } from '../electron/core/api/dispatch';
import { createHandlers } from '../electron/core/api/handlers';
import { openLibrary, type Library } from '../electron/core/library';
import { todayIso } from '../shared/domain/dates';
import { consentStatuses } from '../shared/types';
import { fillFaceStates } from './faces-grid';
import { fillLibrary } from './import-grid';
import { seededRandom } from './seeded-random';

/**
 * `npm run bench -- load [--quick]`: a library of 100,000 media, 2,000 people and 50,000 consent records
 * (generated in the database, each change with its audit entry as the services write them), and the time
 * of the commands the UI sends, through dispatch as the UI does: median and 95th percentile in ms.
 */

const firstNames = ['Sanne', 'Daan', 'Noor', 'Sem', 'Yara', 'Lucas', 'Emma', 'Milan', 'Julia', 'Finn', 'Tess', 'Levi', 'Sara', 'Adam', 'Fatima', 'Mohammed'];
const lastNames = ['de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'Mulder', 'de Boer', 'El Idrissi', 'Yilmaz', 'van Dijk', 'Bos'];

function fillPeople(lib: Library, classes: number[], people: number, consents: number): number[] {
  const rand = seededRandom(7);
  const channels = lib.repos.channels.list().map((c) => c.key);
  const ids: number[] = [];
  lib.transaction(() => {
    for (let i = 0; i < people; i++) {
      const classId = classes[i % classes.length]!;
      const cls = lib.repos.schools.getClass(classId)!;
      const year = 2008 + Math.floor(rand() * 12);
      const p = lib.repos.people.create({
        externalId: `L-${String(i).padStart(5, '0')}`,
        firstName: firstNames[Math.floor(rand() * firstNames.length)]!,
        lastName: lastNames[Math.floor(rand() * lastNames.length)]!,
        role: 'pupil',
        schoolId: cls.schoolId,
        classId,
        dateOfBirth: `${year}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`,
      });
      lib.repos.audit.append('bench', 'person.created', `person:${p.id}`, { externalId: p.externalId, role: p.role });
      ids.push(p.id);
    }
    // Every person answers for every channel, then some change their mind: 50,000 records with history.
    for (let i = 0; i < consents; i++) {
      const personId = ids[i % ids.length]!;
      const channel = channels[Math.floor(i / ids.length) % channels.length]!;
      const status = i < ids.length * channels.length ? (rand() < 0.75 ? 'granted' : 'refused') : consentStatuses[Math.floor(rand() * 3)]!;
      const givenOn = `202${3 + Math.floor(i / (ids.length * channels.length))}-09-0${1 + Math.floor(rand() * 8)}`;
      const r = lib.repos.consent.append({
        personId, channel, status, givenBy: 'guardian', givenOn, validUntil: status === 'granted' ? `${Number(givenOn.slice(0, 4)) + 1}-07-31` : null,
        evidence: null, note: null, source: 'csv', recordedBy: 'bench',
      });
      lib.repos.audit.append('bench', `consent.${status}`, `person:${personId}`, { record: r.id, channel, givenBy: 'guardian', givenOn, validUntil: r.validUntil, source: 'csv' });
    }
  });
  return ids;
}

function stats(times: number[]) {
  const s = [...times].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
  return { runs: s.length, medianMs: Number(at(0.5).toFixed(2)), p95Ms: Number(at(0.95).toFixed(2)), maxMs: Number(s.at(-1)!.toFixed(2)) };
}

export async function runLoadBench(args: string[]): Promise<unknown> {
  const quick = args.includes('--quick');
  const size = quick ? { media: 10_000, people: 200, consents: 5_000 } : { media: 100_000, people: 2_000, consents: 50_000 };
  const runs = quick ? 5 : 30;
  const root = mkdtempSync(join(tmpdir(), 'cf-bench-load-'));
  const lib = openLibrary(join(root, 'library'));
  try {
    const t0 = performance.now();
    const { schools, classes, batches } = fillLibrary(lib, size.media);
    const people = fillPeople(lib, classes, size.people, size.consents);
    const { faces } = fillFaceStates(lib);
    lib.db.pragma('optimize');
    const generateS = (performance.now() - t0) / 1000;
    const handlers = createHandlers(lib);
    const call = async (name: string, input: unknown) => {
      const r = await dispatch(handlers, name, input, localAdmin);
      if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
      return r.value;
    };
    const rand = seededRandom(99);
    const anyOf = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
    const cases: [string, string, () => unknown][] = [
      ['media.list first page', 'media.list', () => ({ offset: 0, limit: 200 })],
      ['media.list deep page', 'media.list', () => ({ offset: Math.floor(size.media * 0.9), limit: 200 })],
      ['media.list school', 'media.list', () => ({ filter: { schoolId: anyOf(schools) } })],
      ['media.list class', 'media.list', () => ({ filter: { classId: anyOf(classes) } })],
      ['media.list video', 'media.list', () => ({ filter: { kind: 'video' } })],
      ['media.list batch', 'media.list', () => ({ filter: { batchId: anyOf(batches) } })],
      ['media.list has errors', 'media.list', () => ({ filter: { hasErrors: true } })],
      ['media.list date range', 'media.list', () => ({ filter: { from: '2022-03-01', to: '2022-06-30' } })],
      ['media.list school + class + range', 'media.list', () => ({ filter: { classId: classes[0], schoolId: schools[0], from: '2021-01-01', to: '2023-12-31' } })],
      ['media.list faces to review', 'media.list', () => ({ filter: { faces: 'to_review' } })],
      ['media.list faces not scanned', 'media.list', () => ({ filter: { faces: 'not_scanned' } })],
      ['media.list faces resolved, deep page', 'media.list', () => ({ filter: { faces: 'resolved' }, offset: 20_000, limit: 200 })],
      ['media.list no faces + school', 'media.list', () => ({ filter: { faces: 'no_faces', schoolId: anyOf(schools) } })],
      ['consent.matrix', 'consent.matrix', () => ({ classId: anyOf(classes) })],
      ['consent.show', 'consent.show', () => ({ person: String(anyOf(people)) })],
      ['people.list all', 'people.list', () => ({})],
      ['people.list class', 'people.list', () => ({ classId: anyOf(classes) })],
      ['people.list search', 'people.list', () => ({ search: 'de Vr' })],
      ['audit.list person', 'audit.list', () => ({ filter: { person: String(anyOf(people)) }, limit: 200 })],
      ['audit.list consent actions', 'audit.list', () => ({ filter: { action: 'consent' }, limit: 200 })],
    ];
    const timings: Record<string, ReturnType<typeof stats>> = {};
    for (const [label, name, input] of cases) {
      await call(name, input());
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        await call(name, input());
        times.push(performance.now() - t);
      }
      timings[label] = stats(times);
    }
    // The person filter as it was before migration 9 (a JSON scan of every entry), timed in the same run for comparison.
    const jsonScan = lib.db.prepare(
      `SELECT seq FROM audit_log WHERE (subject = @subject OR (json_valid(details) AND (json_extract(details, '$.personId') = @personId
         OR EXISTS (SELECT 1 FROM json_each(details, '$.personIds') WHERE value = @personId)))) ORDER BY seq DESC LIMIT 200`,
    );
    const scanTimes: number[] = [];
    for (let i = 0; i < runs; i++) {
      const personId = anyOf(people);
      const t = performance.now();
      jsonScan.all({ subject: `person:${personId}`, personId });
      scanTimes.push(performance.now() - t);
    }
    timings['audit person filter, JSON scan (before migration 9)'] = stats(scanTimes);
    // "Faces to review" as it was before migration 12 (derived from faces and face_detections per query), same run.
    const derived = lib.db.prepare(
      `SELECT id FROM media WHERE +id IN (SELECT media_id FROM face_detections WHERE error IS NULL)
         AND +id IN (SELECT media_id FROM faces WHERE state IN ('unreviewed', 'suggested'))
       ORDER BY sort_at DESC, id DESC LIMIT 200`,
    );
    const derivedTimes: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      derived.all();
      derivedTimes.push(performance.now() - t);
    }
    timings['media.list faces to review, derived per query (before migration 12)'] = stats(derivedTimes);
    const verifyTimes: number[] = [];
    let entries = 0;
    for (let i = 0; i < (quick ? 2 : 5); i++) {
      const t = performance.now();
      const v = (await call('audit.verify', {})) as { ok: boolean; entries: number };
      verifyTimes.push(performance.now() - t);
      if (!v.ok) throw new Error('the generated audit log does not verify');
      entries = v.entries;
    }
    timings['audit.verify'] = stats(verifyTimes);
    const result = {
      bench: 'load',
      date: todayIso(),
      machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
      library: { media: lib.repos.media.count(), faces, people: lib.repos.people.count(), consentRecords: lib.repos.consent.count(), auditEntries: entries, classes: classes.length, generateS: Number(generateS.toFixed(1)) },
      timings,
    };
    const json = JSON.stringify(result, null, 2);
    process.stdout.write(`${json}\n`);
    if (!quick) {
      mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
      writeFileSync(join(import.meta.dirname, 'results', `load-${todayIso()}.json`), `${json}\n`);
    }
    return result;
  } finally {
    lib.close();
    rmSync(root, { recursive: true, force: true });
  }
}
