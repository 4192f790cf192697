import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iou } from '../../electron/core/faces/box-geometry';
import { startFaceDetection } from '../../electron/core/faces/detection-service';
import { assignFaces, mediaFaceSummary } from '../../electron/core/faces/tagging-service';
import { contentPath } from '../../electron/core/library-paths';
import { expected, faceLibrary, facesLeftToRight, fixture, importFiles, reviewer } from './faces-kit';

/**
 * Detection on the public-domain fixtures (adults: two public figures and an astronaut) through the
 * real job: import, detect, store, skip on re-run. The negatives are a cat and a cup of coffee.
 */
const t = faceLibrary();
const { lib } = t;
const names = ['two_people.jpg', 'pd-collage-12.jpg', 'pd-collage-40.jpg', 'astronaut.png', 'chelsea.png', 'coffee.png', 'obama2.jpg'];
const ids: Record<string, number> = {};

beforeAll(async () => {
  const mediaIds = await importFiles(lib, names.map(fixture));
  names.forEach((n, i) => (ids[n] = mediaIds[i]!));
}, 60_000);
afterAll(() => t.cleanup());

describe('face detection job', () => {
  it('finds every face in the fixtures and none on the cat or the coffee', async () => {
    const report = await startFaceDetection(lib, reviewer, { all: true, force: false }).done;
    expect(report).toMatchObject({ detected: names.length, skipped: 0, failed: [], cancelled: false });
    for (const name of ['two_people.jpg', 'pd-collage-12.jpg', 'pd-collage-40.jpg', 'astronaut.png', 'obama2.jpg']) {
      expect({ name, faces: lib.repos.faces.ofMedia(ids[name]!).length }).toEqual({ name, faces: expected[name]!.faces });
    }
    // SSD scores the cat 0.93 on a whole-image pass; at the finest level it sees no face, and the
    // coarse level's big low-scoring boxes are filtered. Both negatives end with no face.
    expect(lib.repos.faces.ofMedia(ids['chelsea.png']!)).toEqual([]);
    expect(lib.repos.faces.ofMedia(ids['coffee.png']!)).toEqual([]);
    // Seven images at full detail, one of them a 40-face collage: about 20 s on two idle cores.
  }, 120_000);

  it('stores boxes relative to the image, a score, the source and the model version', () => {
    const [left, right] = facesLeftToRight(lib, ids['two_people.jpg']!);
    // Face-api's own boxes in the 1126 x 661 original (make-collage.js): the same faces, drawn a little differently.
    const reference = (x: number, y: number, w: number, h: number) => ({ x: x / 1126, y: y / 661, w: w / 1126, h: h / 661 });
    expect(iou(left!.box, reference(235, 22, 143, 193))).toBeGreaterThan(0.6);
    expect(iou(right!.box, reference(793, 37, 139, 209))).toBeGreaterThan(0.6);
    expect(left).toMatchObject({ source: 'detected', state: 'unreviewed', trackId: null, time: null, modelVersion: expect.stringMatching(/ssd_mobilenetv1/) });
    expect(left!.score).toBeGreaterThan(0.9);
  });

  it('records the detection per media item and derives the media state from it', () => {
    expect(lib.repos.faces.detection(ids['coffee.png']!)).toMatchObject({ facesFound: 0, error: null });
    expect(mediaFaceSummary(lib, ids['coffee.png']!)).toEqual({ state: 'resolved', total: 0, unresolved: 0 });
    expect(mediaFaceSummary(lib, ids['two_people.jpg']!)).toEqual({ state: 'unresolved', total: 2, unresolved: 2 });
  });

  it('skips media already scanned with the same model and settings', async () => {
    const before = lib.repos.faces.ofMedia(ids['two_people.jpg']!).map((f) => f.id);
    const report = await startFaceDetection(lib, reviewer, { all: true, force: false }).done;
    expect(report).toMatchObject({ detected: 0, skipped: names.length });
    expect(lib.repos.faces.ofMedia(ids['two_people.jpg']!).map((f) => f.id)).toEqual(before);
  });

  it('keeps reviewed faces when a forced re-run replaces the open ones', async () => {
    const [left, right] = facesLeftToRight(lib, ids['two_people.jpg']!);
    assignFaces(lib, reviewer, [left!.id], { verdict: 'not_identifiable' });
    const report = await startFaceDetection(lib, reviewer, { all: false, mediaIds: [ids['two_people.jpg']!], force: true }).done;
    expect(report).toMatchObject({ detected: 1, faces: 1 });
    const after = facesLeftToRight(lib, ids['two_people.jpg']!);
    expect(after).toHaveLength(2);
    expect(after[0]).toMatchObject({ id: left!.id, state: 'not_identifiable' });
    expect(after[1]!.id).not.toBe(right!.id);
    expect(mediaFaceSummary(lib, ids['two_people.jpg']!)).toEqual({ state: 'unresolved', total: 2, unresolved: 1 });
  });

  it('records a media item that cannot be read as failed, and retries it on the next run', async () => {
    const media = lib.repos.media.get(ids['obama2.jpg']!)!;
    rmSync(contentPath(lib.paths.store, media.sha256, `.${media.ext}`));
    const report = await startFaceDetection(lib, reviewer, { all: false, mediaIds: [media.id], force: true }).done;
    expect(report.failed).toEqual([{ mediaId: media.id, name: 'obama2.jpg', error: expect.stringMatching(/could not be decoded/) }]);
    expect(lib.repos.faces.detection(media.id)!.error).toMatch(/could not be decoded/);
    expect(mediaFaceSummary(lib, media.id).state).toBe('not_detected');
    expect(lib.repos.faces.mediaNeedingDetection(lib.repos.faces.detection(media.id)!.modelVersion, 'any')).toContain(media.id);
  });

  it('scans every kind of media the import takes (HEIC, TIFF, WebP, PNG with alpha, MP4, WebM, a rotated MOV)', async () => {
    const good = ['photo.heic', 'photo.tiff', 'photo.webp', 'alpha.png', 'orientation-6-gps.jpg', 'clip.mp4', 'clip.webm', 'rotated.mov'];
    const kinds = await importFiles(lib, good.map((f) => fixture(`../media/good/${f}`)));
    const report = await startFaceDetection(lib, reviewer, { all: false, mediaIds: kinds, force: false }).done;
    expect(report).toMatchObject({ detected: good.length, failed: [] });
    for (const id of kinds) expect(lib.repos.faces.detection(id)).toMatchObject({ error: null });
  }, 120_000);

  it('can be cancelled: what is done stays, the rest is scanned by the next run', async () => {
    const more = await importFiles(lib, ['obama.jpg', 'biden.jpg'].map(fixture));
    const job = startFaceDetection(lib, reviewer, { all: false, mediaIds: more, force: false });
    lib.jobs.cancel(job.jobId);
    const report = await job.done;
    expect(report.cancelled).toBe(true);
    expect(lib.jobs.list().find((j) => j.id === job.jobId)).toMatchObject({ status: 'cancelled' });
    const pending = more.filter((id) => lib.repos.faces.detection(id) === undefined);
    expect(pending.length).toBeGreaterThan(0);
    const rerun = await startFaceDetection(lib, reviewer, { all: false, mediaIds: more, force: false }).done;
    expect(rerun).toMatchObject({ detected: pending.length, skipped: more.length - pending.length, cancelled: false });
    for (const id of more) expect(lib.repos.faces.ofMedia(id)).toHaveLength(1);
  }, 60_000);

  it('writes one audit entry per scanned media item', () => {
    const entries = lib.repos.audit.list(10_000).filter((e) => e.action === 'faces.detected');
    expect(entries.length).toBeGreaterThanOrEqual(names.length);
    expect(JSON.parse(entries[0]!.details)).toMatchObject({ found: expect.any(Number), model: expect.stringMatching(/ssd/) });
  });
});
