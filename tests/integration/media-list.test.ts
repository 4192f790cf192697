import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../electron/core/api/handlers';
import { dispatch } from '../../electron/core/api/dispatch';
import { mediaListQueries, type NewMedia } from '../../electron/core/db/repositories/media-repository';
import { mediaFaceSummary } from '../../electron/core/faces/tagging-service';
import { startMediaImport } from '../../electron/core/media/import-service';
import { mediaDetail, resolveMedia, updateMedia } from '../../electron/core/media/media-service';
import type { MediaFilter } from '../../shared/contract/media';
import { ClearFrameError } from '../../shared/result';
import { seededRandom } from '../../bench/seeded-random';
import { addPerson } from './faces-kit';
import { actor, goodFixtures, tempLibrary } from './media-test-kit';

let t: ReturnType<typeof tempLibrary>;
beforeEach(() => {
  t = tempLibrary();
});
afterEach(() => t.cleanup());

let n = 0;
function media(fields: Partial<NewMedia>): NewMedia {
  n++;
  return {
    sha256: n.toString(16).padStart(64, '0'),
    kind: 'photo',
    name: `m${n}.jpg`,
    ext: 'jpg',
    byteSize: 1000,
    mime: 'image/jpeg',
    width: 100,
    height: 100,
    orientation: null,
    capturedAt: null,
    importedAt: '2025-01-01T00:00:00.000Z',
    sortAt: '2025-01-01T00:00:00',
    cameraMake: null,
    cameraModel: null,
    hasGps: false,
    durationS: null,
    hasAudio: null,
    rotation: null,
    creator: null,
    rightsHolder: null,
    license: 'unknown',
    credit: null,
    eventName: null,
    schoolId: null,
    batchId: null,
    hasThumbnail: true,
    warnings: [],
    embedded: {},
    ...fields,
  };
}

function setup() {
  const { schools, media: repo, imports } = t.lib.repos;
  const north = schools.createSchool('north', 'North');
  const south = schools.createSchool('south', 'South');
  const n1 = schools.createClass(north.id, '1A');
  const s1 = schools.createClass(south.id, '1A');
  const batch = imports.createBatch('["/photos"]', { creator: null, rightsHolder: null, license: null, credit: null, schoolId: null });
  const ids = {
    a: repo.insert(media({ sortAt: '2024-09-01T08:00:00', schoolId: north.id, batchId: batch })),
    b: repo.insert(media({ sortAt: '2024-09-30T23:59:59', schoolId: north.id, kind: 'video', durationS: 12.5 })),
    c: repo.insert(media({ sortAt: '2024-10-01T00:00:00', schoolId: south.id, warnings: ['Part of the embedded metadata is damaged.'] })),
    d: repo.insert(media({ sortAt: '2024-10-01T00:00:00', batchId: batch })),
    e: repo.insert(media({ sortAt: '2023-01-01T12:00:00', schoolId: south.id, kind: 'video' })),
  };
  repo.setClasses(ids.a, [n1.id]);
  repo.setClasses(ids.b, [n1.id]);
  repo.setClasses(ids.c, [s1.id]);
  return { north, south, n1, s1, batch, ids };
}

const list = (filter: MediaFilter, offset = 0, limit = 200) => t.lib.repos.media.list(filter, offset, limit);
const ids = (filter: MediaFilter) => list(filter).items.map((i) => i.id);

describe('media list', () => {
  it('orders newest first, ties by id, and pages with a total', () => {
    const s = setup();
    expect(ids({})).toEqual([s.ids.d, s.ids.c, s.ids.b, s.ids.a, s.ids.e]);
    const page = list({}, 1, 2);
    expect(page.total).toBe(5);
    expect(page.items.map((i) => i.id)).toEqual([s.ids.c, s.ids.b]);
    expect(page.items[1]).toEqual({
      id: s.ids.b,
      kind: 'video',
      name: expect.any(String),
      sortAt: '2024-09-30T23:59:59',
      hasThumbnail: true,
      hasWarnings: false,
      durationS: 12.5,
      faces: { state: 'not_detected', total: 0, unresolved: 0 },
    });
    expect(list({}, 10, 2)).toEqual({ total: 5, items: [] });
  });

  it('filters by date range (whole days), school, class, kind, batch and errors', () => {
    const s = setup();
    expect(ids({ from: '2024-09-01', to: '2024-09-30' })).toEqual([s.ids.b, s.ids.a]);
    expect(ids({ from: '2024-10-01' })).toEqual([s.ids.d, s.ids.c]);
    expect(ids({ to: '2023-12-31' })).toEqual([s.ids.e]);
    expect(ids({ schoolId: s.south.id })).toEqual([s.ids.c, s.ids.e]);
    expect(ids({ classId: s.n1.id })).toEqual([s.ids.b, s.ids.a]);
    expect(ids({ kind: 'video' })).toEqual([s.ids.b, s.ids.e]);
    expect(ids({ batchId: s.batch })).toEqual([s.ids.d, s.ids.a]);
    expect(ids({ hasErrors: true })).toEqual([s.ids.c]);
    expect(list({ hasErrors: true }).items[0]!.hasWarnings).toBe(true);
    expect(ids({ schoolId: s.north.id, kind: 'video', from: '2024-01-01' })).toEqual([s.ids.b]);
    expect(list({ classId: s.s1.id, kind: 'video' })).toEqual({ total: 0, items: [] });
  });

  it('walks an index in sort order and counts from the index alone, for single and combined filters', () => {
    const filters: MediaFilter[] = [
      {},
      { from: '2024-01-01', to: '2024-12-31' },
      { schoolId: 1 },
      { kind: 'photo' },
      { batchId: 1 },
      { hasErrors: true },
      { hasErrors: false },
      { schoolId: 1, kind: 'video' },
      { kind: 'photo', hasErrors: true, from: '2024-01-01' },
      { schoolId: 1, batchId: 2, to: '2024-06-30' },
      { faces: 'to_review' },
      { faces: 'not_scanned', kind: 'photo' },
      { faces: 'resolved', schoolId: 1 },
      { faces: 'no_faces', from: '2024-01-01' },
    ];
    const plan = (sql: string, params: Record<string, unknown>) =>
      (t.lib.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail).join(' | ');
    for (const filter of filters) {
      const q = mediaListQueries(filter);
      const page = plan(q.page, { ...q.params, limit: 200, offset: 0 });
      expect(page, JSON.stringify(filter)).toMatch(/USING (COVERING )?INDEX media_grid_/);
      expect(page, JSON.stringify(filter)).not.toMatch(/TEMP B-TREE/);
      // has_warnings and face_state are virtual columns: SQLite reads them from the index but does not call that index "covering".
      if (Object.keys(filter).length > 0) expect(plan(q.count, q.params), JSON.stringify(filter)).toMatch(/USING (COVERING )?INDEX media_grid_/);
      if (filter.hasErrors === undefined && filter.faces === undefined && Object.keys(filter).length > 0) {
        expect(plan(q.count, q.params), JSON.stringify(filter)).toMatch(/USING COVERING INDEX media_grid_/);
      }
    }
  });

  it('answers media.list through the contract with defaults applied', async () => {
    setup();
    const result = await dispatch(createHandlers(t.lib), 'media.list', { filter: { kind: 'video' } }, actor);
    expect(result).toMatchObject({ ok: true, value: { total: 2 } });
    const bad = await dispatch(createHandlers(t.lib), 'media.list', { filter: { from: '2024-13-01' } }, actor);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('media list by faces', () => {
  /** a: two faces to review; b: one resolved, one to review; c: all resolved; d: scanned, no face; e: its scan failed. */
  function withFaces() {
    const s = setup();
    const { faces } = t.lib.repos;
    const scan = (mediaId: number, facesFound: number, error: string | null = null) =>
      faces.saveDetection({ mediaId, modelVersion: 'test', settingsKey: '{}', detectedAt: '2025-01-01T00:00:00Z', facesFound, error });
    const face = (mediaId: number) =>
      faces.insert({ mediaId, box: { x: 0.1, y: 0.1, w: 0.2, h: 0.2 }, score: 0.9, source: 'detected', trackId: null, time: null, modelVersion: 'test', importedName: null });
    const decide = (id: number) => faces.review(id, { state: 'not_identifiable', personId: null, suggestedPersonId: null, suggestionDistance: null }, 'tester');
    scan(s.ids.a, 2);
    face(s.ids.a);
    face(s.ids.a);
    scan(s.ids.b, 2);
    decide(face(s.ids.b));
    face(s.ids.b);
    scan(s.ids.c, 1);
    decide(face(s.ids.c));
    scan(s.ids.d, 0);
    scan(s.ids.e, 0, 'The file could not be decoded.');
    return s;
  }

  it('gives each tile its face summary, as the media view counts it', () => {
    const s = withFaces();
    const byId = new Map(list({}).items.map((i) => [i.id, i.faces]));
    expect(byId.get(s.ids.a)).toEqual({ state: 'unresolved', total: 2, unresolved: 2 });
    expect(byId.get(s.ids.b)).toEqual({ state: 'unresolved', total: 2, unresolved: 1 });
    expect(byId.get(s.ids.c)).toEqual({ state: 'resolved', total: 1, unresolved: 0 });
    expect(byId.get(s.ids.d)).toEqual({ state: 'resolved', total: 0, unresolved: 0 });
    expect(byId.get(s.ids.e)).toEqual({ state: 'not_detected', total: 0, unresolved: 0 });
    for (const id of Object.values(s.ids)) expect(byId.get(id)).toEqual(mediaFaceSummary(t.lib, id));
  });

  it('filters by face state (a failed scan counts as not scanned), alone and with other filters', () => {
    const s = withFaces();
    expect(ids({ faces: 'to_review' })).toEqual([s.ids.b, s.ids.a]);
    expect(ids({ faces: 'resolved' })).toEqual([s.ids.c]);
    expect(ids({ faces: 'no_faces' })).toEqual([s.ids.d]);
    expect(ids({ faces: 'not_scanned' })).toEqual([s.ids.e]);
    expect(ids({ faces: 'to_review', kind: 'video' })).toEqual([s.ids.b]);
    expect(list({ faces: 'to_review', schoolId: s.south.id })).toEqual({ total: 0, items: [] });
    expect(list({ faces: 'to_review' }, 1, 1)).toMatchObject({ total: 2, items: [{ id: s.ids.a }] });
    const newMedia = t.lib.repos.media.insert(media({ sortAt: '2025-02-01T00:00:00' }));
    expect(ids({ faces: 'not_scanned' })).toEqual([newMedia, s.ids.e]);
  });

  it('keeps the stored face state in step with every face and scan change (random sequences)', () => {
    const s = withFaces();
    const { faces } = t.lib.repos;
    const mediaIds = Object.values(s.ids);
    const rand = seededRandom(7);
    const pick = <T,>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
    const suggested = addPerson(t.lib, 'Sam');
    const states = ['unreviewed', 'suggested', 'not_identifiable', 'not_a_face'] as const;
    const changes = [
      () => faces.insert({ mediaId: pick(mediaIds), box: { x: 0.5, y: 0.5, w: 0.1, h: 0.1 }, score: 0.5, source: 'detected', trackId: null, time: null, modelVersion: 'test', importedName: null }),
      () => {
        const face = pick(mediaIds.flatMap((id) => faces.ofMedia(id)).concat([undefined as never]));
        const state = pick(states);
        // A suggestion needs its person (a CHECK of the faces table); every other state has none.
        if (face) {
          t.lib.db
            .prepare(`UPDATE faces SET state = @state, suggested_person_id = CASE WHEN @state = 'suggested' THEN @person END WHERE id = @id`)
            .run({ state, person: suggested.id, id: face.id });
        }
      },
      () => faces.removeOpenFaces(pick(mediaIds)),
      () => t.lib.db.prepare('DELETE FROM faces WHERE id = (SELECT MIN(id) FROM faces WHERE media_id = ?)').run(pick(mediaIds)),
      () => faces.saveDetection({ mediaId: pick(mediaIds), modelVersion: 'test', settingsKey: '{}', detectedAt: '2025-01-02T00:00:00Z', facesFound: 1, error: pick([null, 'unreadable']) }),
      () => t.lib.db.prepare('DELETE FROM face_detections WHERE media_id = ?').run(pick(mediaIds)),
    ];
    for (let step = 0; step < 300; step++) {
      pick(changes)();
      const byId = new Map(list({}).items.map((i) => [i.id, i.faces]));
      for (const id of mediaIds) expect({ step, id, faces: byId.get(id) }).toEqual({ step, id, faces: mediaFaceSummary(t.lib, id) });
    }
  });

  it('refuses an unknown face state through the contract', async () => {
    const bad = await dispatch(createHandlers(t.lib), 'media.list', { filter: { faces: 'maybe' } }, actor);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('media get and update', () => {
  async function imported() {
    await startMediaImport(t.lib, actor, [join(goodFixtures, 'rights-regions.jpg')]).done;
    return t.lib.repos.media.list({}, 0, 1).items[0]!;
  }

  it('resolves a media item by id or sha256 and refuses anything else', async () => {
    const tile = await imported();
    const byId = resolveMedia(t.lib, String(tile.id));
    expect(resolveMedia(t.lib, byId.sha256).id).toBe(tile.id);
    expect(resolveMedia(t.lib, byId.sha256.toUpperCase()).id).toBe(tile.id);
    for (const ref of ['999', 'abc', '1.5', `${byId.sha256.slice(0, 63)}0`]) {
      expect(() => resolveMedia(t.lib, ref)).toThrow(ClearFrameError);
    }
    const detail = mediaDetail(t.lib, byId);
    expect(detail.embedded).toMatchObject({ creator: ['Jane Fixture'], usageTerms: 'School use only' });
    expect(detail.classIds).toEqual([]);
  });

  it('updates rights, event, school and classes in one audited change', async () => {
    const tile = await imported();
    const school = t.lib.repos.schools.createSchool('north', 'North');
    const cls = t.lib.repos.schools.createClass(school.id, '3B');
    const updated = updateMedia(t.lib, actor, String(tile.id), {
      creator: 'New Creator',
      license: 'cc_by',
      credit: null,
      eventName: 'Sports day',
      schoolId: school.id,
      classIds: [cls.id, cls.id],
    });
    expect(updated).toMatchObject({ creator: 'New Creator', rightsHolder: '© 2024 Fixture School', license: 'cc_by', credit: null, eventName: 'Sports day', schoolId: school.id, classIds: [cls.id] });
    expect(list({ classId: cls.id }).items.map((i) => i.id)).toEqual([tile.id]);
    const entry = t.lib.repos.audit.list().find((e) => e.action === 'media.updated')!;
    expect(entry.subject).toBe(`media:${tile.id}`);
    const details = JSON.parse(entry.details);
    expect(details.before).toMatchObject({ creator: 'Jane Fixture', license: 'unknown', classIds: [] });
    expect(details.after).toMatchObject({ creator: 'New Creator', license: 'cc_by', classIds: [cls.id] });
  });

  it('refuses a class of another school and an unknown school, changing nothing', async () => {
    const tile = await imported();
    const north = t.lib.repos.schools.createSchool('north', 'North');
    const south = t.lib.repos.schools.createSchool('south', 'South');
    const southClass = t.lib.repos.schools.createClass(south.id, '1A');
    expect(() => updateMedia(t.lib, actor, String(tile.id), { schoolId: north.id, classIds: [southClass.id] })).toThrow(/belongs to another school/);
    expect(() => updateMedia(t.lib, actor, String(tile.id), { schoolId: 999 })).toThrow(/no school with id 999/);
    expect(t.lib.repos.media.get(tile.id)!.schoolId).toBeNull();
    expect(t.lib.repos.audit.list().filter((e) => e.action === 'media.updated')).toEqual([]);
  });
});
