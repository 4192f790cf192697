import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, runJson, sentencePattern, tempRoot } from './cli-run';
import { fixture } from './faces-kit';

/**
 * The faces commands of the public command line, run as a user runs them (a real process per call).
 * The photos are public-domain portraits of adults (Obama, Biden), not children.
 */
const t = tempRoot('cf-faces-cli-');
const { home } = t;
const media: Record<string, number> = {};

const faceKeys = ['box', 'id', 'media', 'media_name', 'person', 'score', 'source', 'state', 'suggestion', 'time', 'track'];

beforeAll(async () => {
  const imported = await runJson(home, ['import', fixture('two_people.jpg'), fixture('obama.jpg'), fixture('biden.jpg')]);
  expect(imported.json).toMatchObject({ imported: 3, failed: [] });
  const listed = await runJson(home, ['media list']);
  for (const m of listed.json as { id: number; name: string }[]) media[m.name] = m.id;
  const csv = join(t.root, 'people.csv');
  writeFileSync(csv, 'external_id,first_name,last_name,role,school,class,date_of_birth\nP1,Barack,Obama,staff,oak,,\nP2,Joe,Biden,staff,oak,,\n');
  expect((await runJson(home, ['people', 'import', csv])).code).toBe(0);
}, 120_000);
afterAll(() => t.remove());

describe('clearframe faces', () => {
  it('faces detect --all finds the faces and reports per run; a second run skips what is done', async () => {
    const first = await runJson(home, ['faces', 'detect', '--all']);
    expect(first.code).toBe(0);
    expect(first.json).toEqual({ detected: 3, skipped: 0, faces: 4, failed: [], cancelled: false });
    const again = await runJson(home, ['faces', 'detect', String(media['two_people.jpg'])]);
    expect(again.json).toMatchObject({ detected: 0, skipped: 1, faces: 0 });
  }, 120_000);

  it('faces list <media> prints [{id, media, box, score, state, person, track, time, …}] with boxes relative to the image', async () => {
    const r = await runJson(home, ['faces', 'list', String(media['two_people.jpg'])]);
    expect(r.code).toBe(0);
    expect(r.json).toHaveLength(2);
    for (const f of r.json) {
      expect(Object.keys(f).sort()).toEqual(faceKeys);
      expect(f).toMatchObject({ media: media['two_people.jpg'], media_name: 'two_people.jpg', state: 'unreviewed', person: null, track: null, time: null, source: 'detected' });
      for (const v of Object.values(f.box as Record<string, number>)) expect(v).toBeGreaterThan(0);
      expect(f.box.x + f.box.w).toBeLessThanOrEqual(1);
      expect(f.score).toBeGreaterThan(0.9);
    }
  });

  it('faces assign tags a face as a person, or not identifiable / not a face; a bad call exits 2 with a sentence', async () => {
    const [obamaFace] = (await runJson(home, ['faces', 'list', String(media['obama.jpg'])])).json;
    const tagged = await runJson(home, ['faces', 'assign', String(obamaFace.id), 'P1']);
    expect(tagged.json).toMatchObject({ id: obamaFace.id, state: 'person', person: { external_id: 'P1', name: 'Barack Obama' } });
    const [bidenFace] = (await runJson(home, ['faces', 'list', String(media['biden.jpg'])])).json;
    expect((await runJson(home, ['faces', 'assign', String(bidenFace.id), '--not-a-face'])).json).toMatchObject({ state: 'not_a_face', person: null });
    expect((await runJson(home, ['faces', 'assign', String(bidenFace.id), 'P2'])).json).toMatchObject({ state: 'person', person: { external_id: 'P2' } });
    const both = await runCli(['--home', home, 'faces', 'assign', String(bidenFace.id), 'P2', '--not-a-face']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(sentencePattern);
    const unknown = await runCli(['--home', home, 'faces', 'assign', String(bidenFace.id), 'P9']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No person with id or external id "P9"/);
  });

  it('faces add draws a missed face, tagged at once', async () => {
    const r = await runJson(home, ['faces', 'add', String(media['two_people.jpg']), '--box', '0.45,0.5,0.05,0.1', '--person', 'P2']);
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ media: media['two_people.jpg'], box: { x: 0.45, y: 0.5, w: 0.05, h: 0.1 }, state: 'person', source: 'manual', score: null });
    const outside = await runCli(['--home', home, 'faces', 'add', String(media['two_people.jpg']), '--box', '0.9,0.5,0.2,0.1']);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/inside the image/);
  });

  it('people reference needs the face matching permission; faces suggest then names Obama and Biden, with distances', async () => {
    const [obamaFace] = (await runJson(home, ['faces', 'list', String(media['obama.jpg'])])).json;
    const refused = await runCli(['--home', home, 'people', 'reference', 'P1', String(obamaFace.id)]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Face matching is not allowed for Barack Obama/);
    expect((await runJson(home, ['people', 'face-matching', 'P1', 'on'])).json).toMatchObject({ allowed: true, references: [] });
    expect((await runJson(home, ['people', 'face-matching', 'P2', 'on'])).json).toMatchObject({ allowed: true });
    const fromFace = await runJson(home, ['people', 'reference', 'P1', String(obamaFace.id)]);
    // obama.jpg was taken in 2012 (EXIF): a reference that old is flagged for refresh.
    expect(fromFace.json).toMatchObject({ face: obamaFace.id, image: null, taken_at: '2012-12-06', needs_refresh: true });
    const fromFile = await runJson(home, ['people', 'reference', 'P2', fixture('biden.jpg')]);
    expect(fromFile.json).toMatchObject({ face: null, image: 'biden.jpg' });

    const r = await runJson(home, ['faces', 'suggest', String(media['two_people.jpg'])]);
    expect(r.code).toBe(0);
    const byX = [...r.json].sort((a, b) => a.box.x - b.box.x);
    expect(byX.map((f) => [f.state, f.person, f.suggestion.person.external_id])).toEqual([
      ['suggested', null, 'P1'],
      ['suggested', null, 'P2'],
    ]);
    for (const f of byX) expect(f.suggestion.distance).toBeLessThan(0.6);
  }, 120_000);

  it('people face-matching <person> off deletes the references and takes the suggestions back', async () => {
    const off = await runJson(home, ['people', 'face-matching', 'P2', 'off']);
    expect(off.json).toMatchObject({ allowed: false, references: [] });
    const faces = (await runJson(home, ['faces', 'list', String(media['two_people.jpg']), '--open'])).json as { state: string; suggestion: unknown }[];
    expect(faces.map((f) => f.state).sort()).toEqual(['suggested', 'unreviewed']);
  });
});
