import { performance } from 'node:perf_hooks';
import { mediaListQueries, type NewMedia } from '../electron/core/db/repositories/media-repository';
import type { Library } from '../electron/core/library';
import type { MediaFilter } from '../shared/contract/media';
import { seededRandom } from './seeded-random';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Fills the library with `count` media rows spread like a school foundation's archive: 4 schools of
 * 12 classes, 5 years, 8% video, batches of ~400, 3% with warnings, most tagged with one or two classes.
 */
export function fillLibrary(lib: Library, count: number): { schools: number[]; classes: number[]; batches: number[] } {
  const rand = seededRandom(42);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const schools: number[] = [];
  const classes: number[] = [];
  const classSchool = new Map<number, number>();
  const batches: number[] = [];
  lib.transaction(() => {
    for (let s = 0; s < 4; s++) {
      const school = lib.repos.schools.createSchool(`bench-${s}`, `Bench school ${s}`);
      schools.push(school.id);
      for (let c = 0; c < 12; c++) {
        const cls = lib.repos.schools.createClass(school.id, `${1 + (c % 6)}${'ABCD'[Math.floor(c / 6)]}`);
        classes.push(cls.id);
        classSchool.set(cls.id, school.id);
      }
    }
    for (let b = 0; b < Math.ceil(count / 400); b++) {
      batches.push(lib.repos.imports.createBatch(JSON.stringify([`/bench/batch-${b}`]), { creator: null, rightsHolder: null, license: null, credit: null, schoolId: null }));
    }
    for (let i = 0; i < count; i++) {
      const video = rand() < 0.08;
      const taken = new Date(Date.UTC(2020, 0, 1) + Math.floor(rand() * 5 * 365 * 86400) * 1000);
      const sortAt = `${taken.getUTCFullYear()}-${pad(taken.getUTCMonth() + 1)}-${pad(taken.getUTCDate())}T${pad(taken.getUTCHours())}:${pad(taken.getUTCMinutes())}:${pad(taken.getUTCSeconds())}`;
      const classId = rand() < 0.7 ? pick(classes) : null;
      const schoolId = classId !== null ? classSchool.get(classId)! : rand() < 0.5 ? pick(schools) : null;
      const m: NewMedia = {
        sha256: i.toString(16).padStart(64, '0'),
        kind: video ? 'video' : 'photo',
        name: video ? `VID_${i}.mp4` : `IMG_${i}.jpg`,
        ext: video ? 'mp4' : 'jpg',
        byteSize: video ? 40_000_000 : 3_000_000,
        mime: video ? 'video/mp4' : 'image/jpeg',
        width: 4000,
        height: 3000,
        orientation: video ? null : 1,
        capturedAt: sortAt,
        importedAt: '2025-06-01T12:00:00.000Z',
        sortAt,
        cameraMake: 'Bench',
        cameraModel: 'Camera 12',
        hasGps: rand() < 0.2,
        durationS: video ? 5 + rand() * 60 : null,
        hasAudio: video ? true : null,
        rotation: video ? 0 : null,
        creator: null,
        rightsHolder: null,
        license: 'unknown',
        credit: null,
        eventName: null,
        schoolId,
        batchId: batches[Math.floor(i / 400)]!,
        hasThumbnail: true,
        warnings: rand() < 0.03 ? ['Part of the embedded metadata is damaged and was skipped.'] : [],
        embedded: {},
      };
      const id = lib.repos.media.insert(m);
      if (classId !== null) {
        const second = rand() < 0.2 ? classes.find((c) => c !== classId && classSchool.get(c) === schoolId) : undefined;
        lib.repos.media.setClasses(id, second ? [classId, second] : [classId]);
      }
    }
  });
  return { schools, classes, batches };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export interface QueryTiming {
  filter: MediaFilter;
  offset: number;
  total: number;
  medianMs: number;
  maxMs: number;
  plan: string;
}

/** Times what the grid asks for (count + one page of 200), median of `runs` after one warm-up. */
export function timeQuery(lib: Library, filter: MediaFilter, offset: number, runs = 9): QueryTiming {
  const q = mediaListQueries(filter);
  const plan = (lib.db.prepare(`EXPLAIN QUERY PLAN ${q.page}`).all({ ...q.params, limit: 200, offset }) as { detail: string }[])
    .map((r) => r.detail)
    .join(' | ');
  let total = lib.repos.media.list(filter, offset, 200).total;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    total = lib.repos.media.list(filter, offset, 200).total;
    times.push(performance.now() - t0);
  }
  return { filter, offset, total, medianMs: Number(median(times).toFixed(2)), maxMs: Number(Math.max(...times).toFixed(2)), plan };
}
