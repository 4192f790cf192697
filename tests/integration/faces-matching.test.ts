import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { euclidean } from '../../electron/core/faces/descriptor-match';
import { startFaceDetection } from '../../electron/core/faces/detection-service';
import { detectorPool } from '../../electron/core/faces/detector-pool';
import { defaultFaceSettings, updateFaceSettings } from '../../electron/core/faces/face-settings';
import { embeddingVersion } from '../../electron/core/faces/model-version';
import { addReferenceFromFace, addReferenceFromImage, matchingStatus, referenceInfo, setFaceMatching } from '../../electron/core/faces/matching-service';
import { startFaceSuggestions } from '../../electron/core/faces/suggestion-service';
import { assignFaces } from '../../electron/core/faces/tagging-service';
import { addPerson, faceLibrary, facesLeftToRight, fixture, importFiles, reviewer } from './faces-kit';

/**
 * Recognition suggestions on public-domain portraits of adults (Obama, Biden, astronaut Eileen
 * Collins). Face embeddings are biometric data: they exist only for people with the face matching
 * permission, and vanish when it is withdrawn.
 */
const t = faceLibrary();
const { lib } = t;
let twoPeople = 0;
let obama2 = 0;
let astronaut = 0;
let obama = 0;
let biden = 0;
let collins = 0;

beforeAll(async () => {
  const ids = await importFiles(lib, [fixture('two_people.jpg'), fixture('obama2.jpg'), fixture('astronaut.png')]);
  [twoPeople, obama2, astronaut] = [ids[0]!, ids[1]!, ids[2]!];
  await startFaceDetection(lib, reviewer, { all: true, force: false }).done;
  obama = addPerson(lib, 'Barack', 'Obama').id;
  biden = addPerson(lib, 'Joe', 'Biden').id;
  collins = addPerson(lib, 'Eileen', 'Collins').id;
}, 60_000);
afterAll(() => t.cleanup());

describe('face matching permission and references', () => {
  it('refuses a reference while the permission is off (the default) and keeps no face data', async () => {
    expect(matchingStatus(lib, String(obama))).toMatchObject({ allowed: false, references: [] });
    await expect(addReferenceFromImage(lib, reviewer, String(obama), fixture('obama.jpg'))).rejects.toThrow(/Face matching is not allowed for Barack Obama/);
    expect(lib.repos.faceMatching.embeddings(embeddingVersion)).toEqual([]);
  });

  it('takes a reference from an image file and from a face tagged as the person', async () => {
    setFaceMatching(lib, reviewer, String(obama), true);
    setFaceMatching(lib, reviewer, String(biden), true);
    const fromFile = await addReferenceFromImage(lib, reviewer, String(obama), fixture('obama.jpg'));
    expect(fromFile).toMatchObject({ personId: obama, faceId: null, imageName: 'obama.jpg' });
    await addReferenceFromImage(lib, reviewer, String(biden), fixture('biden.jpg'));

    const [face] = lib.repos.faces.ofMedia(obama2);
    assignFaces(lib, reviewer, [face!.id], { verdict: 'person', person: String(obama) });
    const fromFace = await addReferenceFromFace(lib, reviewer, String(obama), face!.id);
    expect(fromFace).toMatchObject({ personId: obama, faceId: face!.id, imageName: null });
    expect(matchingStatus(lib, String(obama)).references).toHaveLength(2);
    // Only the tagged person's face may serve as their reference.
    await expect(addReferenceFromFace(lib, reviewer, String(biden), face!.id)).rejects.toThrow(/not tagged as Joe Biden/);
  });

  it('suggests Obama and Biden for the two faces of two_people.jpg, with the distance, never confirming', async () => {
    const report = await startFaceSuggestions(lib, reviewer, undefined).done;
    expect(report).toMatchObject({ noReferences: false, failed: [] });
    const [left, right] = facesLeftToRight(lib, twoPeople);
    expect(left).toMatchObject({ state: 'suggested', suggestedPersonId: obama, personId: null });
    expect(right).toMatchObject({ state: 'suggested', suggestedPersonId: biden, personId: null });
    expect(left!.suggestionDistance).toBeLessThan(0.5);
    expect(right!.suggestionDistance).toBeLessThan(0.5);
    // The astronaut is neither: no suggestion.
    expect(lib.repos.faces.ofMedia(astronaut)[0]).toMatchObject({ state: 'unreviewed', suggestedPersonId: null });
  });

  it('separates same and different people by descriptor distance, below and above the default threshold', async () => {
    const people: [string, string[]][] = [
      ['obama.jpg', ['obama']],
      ['obama2.jpg', ['obama']],
      ['biden.jpg', ['biden']],
      ['two_people.jpg', ['obama', 'biden']],
      ['astronaut.png', ['collins']],
    ];
    const faces: { who: string; d: number[] }[] = [];
    for (const [file, who] of people) {
      const scan = await detectorPool().run({ kind: 'scan-photo', path: fixture(file), ext: file.split('.').pop()!, minFacePx: 32, minScore: 0.5 });
      const boxes = [...scan.faces].sort((a, b) => a.x - b.x);
      const descriptors = await detectorPool().run({ kind: 'describe-photo', path: fixture(file), ext: file.split('.').pop()!, boxes });
      descriptors.forEach((d, i) => faces.push({ who: who[i]!, d: d! }));
    }
    const same: number[] = [];
    const different: number[] = [];
    faces.forEach((a, i) => faces.slice(i + 1).forEach((b) => (a.who === b.who ? same : different).push(euclidean(a.d, b.d))));
    expect(same).toHaveLength(4);
    expect(Math.max(...same)).toBeLessThan(defaultFaceSettings.matchThreshold);
    expect(Math.min(...different)).toBeGreaterThan(defaultFaceSettings.matchThreshold + 0.1);
  });

  it('follows the configured threshold', async () => {
    updateFaceSettings(lib, reviewer, { matchThreshold: 0.2 });
    // Biden's face in two_people.jpg is nearly the same pixels as biden.jpg (distance ~0.07): only it stays.
    await startFaceSuggestions(lib, reviewer, twoPeople).done;
    expect(facesLeftToRight(lib, twoPeople).map((f) => f.state)).toEqual(['unreviewed', 'suggested']);
    updateFaceSettings(lib, reviewer, { matchThreshold: defaultFaceSettings.matchThreshold });
    await startFaceSuggestions(lib, reviewer, twoPeople).done;
    expect(facesLeftToRight(lib, twoPeople).map((f) => f.state)).toEqual(['suggested', 'suggested']);
  });

  it('deletes the embeddings and takes back the suggestions when the permission is withdrawn', () => {
    expect(lib.repos.faceMatching.embeddingCount(biden)).toBe(1);
    const status = setFaceMatching(lib, reviewer, String(biden), false);
    expect(status).toMatchObject({ allowed: false, references: [] });
    expect(lib.repos.faceMatching.embeddingCount(biden)).toBe(0);
    expect(lib.db.prepare('SELECT COUNT(*) AS n FROM face_references WHERE person_id = ?').get(biden)).toEqual({ n: 0 });
    const [left, right] = facesLeftToRight(lib, twoPeople);
    expect(right).toMatchObject({ state: 'unreviewed', suggestedPersonId: null, suggestionDistance: null });
    expect(left).toMatchObject({ state: 'suggested', suggestedPersonId: obama });
    const entry = lib.repos.audit.list(10_000).filter((e) => e.action === 'person.face_matching_withdrawn').at(-1)!;
    expect(JSON.parse(entry.details)).toEqual({ embeddingsDeleted: 1, suggestionsWithdrawn: 1 });
  });

  it('deletes the embeddings with the person', () => {
    expect(lib.repos.faceMatching.embeddingCount(obama)).toBe(2);
    lib.db.prepare('UPDATE faces SET person_id = NULL, state = ? WHERE person_id = ?').run('unreviewed', obama);
    lib.db.prepare('UPDATE faces SET suggested_person_id = NULL, state = ? WHERE suggested_person_id = ?').run('unreviewed', obama);
    lib.db.prepare('DELETE FROM people WHERE id = ?').run(obama);
    expect(lib.db.prepare('SELECT COUNT(*) AS n FROM face_references').get()).toEqual({ n: 0 });
    expect(collins).toBeGreaterThan(0);
  });

  it('flags references taken more than a year ago for refresh', () => {
    const row = { id: 1, personId: 1, faceId: null, imageName: 'x.jpg', modelVersion: embeddingVersion, createdAt: '2026-01-01T00:00:00Z', createdBy: 'x' };
    const today = new Date('2026-06-01T12:00:00Z');
    expect(referenceInfo({ ...row, takenAt: '2025-05-01' }, today).needsRefresh).toBe(true);
    expect(referenceInfo({ ...row, takenAt: '2025-07-01' }, today).needsRefresh).toBe(false);
  });
});
