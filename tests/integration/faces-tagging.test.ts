import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addManualFace, assignFaces, listFaces, mediaFaces, mediaFaceSummary, personAppearances, reviewQueue } from '../../electron/core/faces/tagging-service';
import type { Library } from '../../electron/core/library';
import { addPerson, faceLibrary, fixture, importFiles, reviewer } from './faces-kit';

/** Tagging without the detector: faces stored directly, then decided on as a reviewer would. */
const t = faceLibrary();
const { lib } = t;
let photo = 0;
let video = 0;
let ann = 0;

function storeFace(l: Library, mediaId: number, x: number) {
  return l.repos.faces.insert({ mediaId, box: { x, y: 0.1, w: 0.1, h: 0.2 }, score: 0.9, source: 'detected', trackId: null, time: null, modelVersion: 'test', importedName: null });
}

const auditOf = (l: Library, action: string) => l.repos.audit.list(10_000).filter((e) => e.action === action);

beforeAll(async () => {
  const ids = await importFiles(lib, [fixture('two_people.jpg'), fixture('../media/good/clip.mp4')]);
  [photo, video] = [ids[0]!, ids[1]!];
  lib.repos.faces.saveDetection({ mediaId: photo!, modelVersion: 'test', settingsKey: 'test', detectedAt: new Date().toISOString(), facesFound: 2, error: null });
  ann = addPerson(lib, 'Ann', 'Example', 'P001').id;
}, 60_000);
afterAll(() => t.cleanup());

describe('tagging faces', () => {
  it('assigns a face to a person (by external id) and records who, when, before and after', () => {
    const face = storeFace(lib, photo, 0.2);
    const [updated] = assignFaces(lib, reviewer, [face], { verdict: 'person', person: 'P001' });
    expect(updated).toMatchObject({ id: face, state: 'person', personId: ann });
    const entry = auditOf(lib, 'face.assigned').at(-1)!;
    expect(entry).toMatchObject({ actor: 'reviewer', subject: `face:${face}` });
    expect(JSON.parse(entry.details)).toEqual({ media: photo, before: { state: 'unreviewed', person: null }, after: { state: 'person', person: ann } });
  });

  it('derives the media state: n unresolved, then resolved once every face has a decision', () => {
    const other = storeFace(lib, photo, 0.6);
    expect(mediaFaceSummary(lib, photo)).toEqual({ state: 'unresolved', total: 2, unresolved: 1 });
    assignFaces(lib, reviewer, [other], { verdict: 'not_a_face' });
    expect(mediaFaceSummary(lib, photo)).toEqual({ state: 'resolved', total: 2, unresolved: 0 });
    expect(mediaFaces(lib, String(photo)).summary.state).toBe('resolved');
  });

  it('says a media item that was never scanned is not detected, whatever boxes it has', () => {
    addManualFace(lib, reviewer, String(video), { x: 0.1, y: 0.1, w: 0.2, h: 0.3 }, 1.5, undefined);
    expect(mediaFaceSummary(lib, video)).toEqual({ state: 'not_detected', total: 1, unresolved: 1 });
  });

  it('adds a box the detector missed, with a time on a video, tagged at once when a person is given', () => {
    const face = addManualFace(lib, reviewer, String(video), { x: 0.5, y: 0.2, w: 0.1, h: 0.15 }, 0.5, String(ann));
    expect(face).toMatchObject({ source: 'manual', state: 'person', personId: ann, time: 0.5, score: null, trackId: null });
    const entry = auditOf(lib, 'face.added').at(-1)!;
    expect(JSON.parse(entry.details)).toMatchObject({ media: video, time: 0.5, after: { state: 'person', person: ann } });
  });

  it('refuses a time on a photo, a box outside a video, and an unknown person', () => {
    expect(() => addManualFace(lib, reviewer, String(photo), { x: 0.1, y: 0.1, w: 0.1, h: 0.1 }, 2, undefined)).toThrow(/only applies to faces in a video/);
    expect(() => addManualFace(lib, reviewer, String(video), { x: 0.1, y: 0.1, w: 0.1, h: 0.1 }, 999, undefined)).toThrow(/seconds long/);
    expect(() => addManualFace(lib, reviewer, String(photo), { x: 0.1, y: 0.1, w: 0.1, h: 0.1 }, undefined, 'nobody')).toThrow(/No person/);
  });

  it('writes nothing when a face is already in the state asked for', () => {
    const face = storeFace(lib, photo, 0.4);
    assignFaces(lib, reviewer, [face], { verdict: 'not_identifiable' });
    const count = auditOf(lib, 'face.assigned').length;
    assignFaces(lib, reviewer, [face], { verdict: 'not_identifiable' });
    expect(auditOf(lib, 'face.assigned')).toHaveLength(count);
  });

  it('rolls back every face of a batch when one of them does not exist', () => {
    const face = storeFace(lib, photo, 0.8);
    expect(() => assignFaces(lib, reviewer, [face, 999_999], { verdict: 'not_a_face' })).toThrow(/no face 999999/);
    expect(lib.repos.faces.get(face)!.state).toBe('unreviewed');
  });

  it('groups open faces by suggested person, confirms a group in one action, and lists where a person is', () => {
    const bob = addPerson(lib, 'Bob').id;
    const faces = [0.05, 0.25, 0.45].map((x) => storeFace(lib, photo, x));
    for (const f of faces) lib.repos.faces.suggest(f, bob, 0.4);
    const group = reviewQueue(lib).find((g) => g.suggestedPerson?.id === bob)!;
    expect(group).toMatchObject({ faces: 3, media: 1 });
    const suggested = listFaces(lib, { suggestedPerson: String(bob), offset: 0, limit: 100 });
    expect(suggested.map((f) => f.id)).toEqual(faces);
    assignFaces(lib, reviewer, suggested.map((f) => f.id), { verdict: 'person', person: String(bob) });
    expect(reviewQueue(lib).find((g) => g.suggestedPerson?.id === bob)).toBeUndefined();
    expect(personAppearances(lib, String(bob))).toEqual([{ mediaId: photo, faceIds: faces }]);
    expect(lib.repos.faces.get(faces[0]!)).toMatchObject({ suggestedPersonId: null, suggestionDistance: null });
  });
});
