import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaceDetection } from '../../electron/core/faces/detection-service';
import { faceTrack } from '../../electron/core/faces/tagging-service';
import { ffmpegPath } from '../../electron/core/media/ffmpeg-paths';
import { faceLibrary, fixture, importFiles, reviewer } from './faces-kit';

/**
 * Faces in video: a generated 1280x720 30 fps clip in two shots. Shot one (0-6 s): Obama's portrait
 * (public domain, an adult) moves from left to right across a still life. Shot two (6-9 s): Biden's
 * portrait stands still on another background. Sampled at 2 frames per second plus the cut, each
 * shot's face must be one track, reviewed once.
 */
const t = faceLibrary();
const { lib } = t;
let video = 0;

beforeAll(async () => {
  const s = t.scratch;
  await sharp(fixture('coffee.png')).resize(1280, 720, { fit: 'cover' }).png().toFile(join(s, 'bg1.png'));
  await sharp(fixture('biden.jpg')).extract({ left: 0, top: 900, width: 970, height: 546 }).resize(1280, 720).png().toFile(join(s, 'bg2.png'));
  await sharp(fixture('obama.jpg')).extract({ left: 300, top: 20, width: 380, height: 480 }).resize(190, 240).png().toFile(join(s, 'face1.png'));
  await sharp(fixture('biden.jpg')).extract({ left: 380, top: 90, width: 390, height: 520 }).resize(150, 200).png().toFile(join(s, 'face2.png'));
  const file = join(s, 'two-shots.mp4');
  execFileSync(ffmpegPath(), [
    ...['-v', 'error', '-y'],
    ...['-loop', '1', '-t', '6', '-i', join(s, 'bg1.png'), '-loop', '1', '-t', '6', '-i', join(s, 'face1.png')],
    ...['-loop', '1', '-t', '3', '-i', join(s, 'bg2.png'), '-loop', '1', '-t', '3', '-i', join(s, 'face2.png')],
    '-filter_complex',
    "[0][1]overlay=x='60+t*160':y='180+30*sin(t)':shortest=1[a];[2][3]overlay=x=700:y=260:shortest=1[b];[a][b]concat=n=2:v=1[v]",
    ...['-map', '[v]', '-r', '30', '-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', file],
  ]);
  video = (await importFiles(lib, [file]))[0]!;
  await startFaceDetection(lib, reviewer, { all: true, force: false }).done;
}, 120_000);
afterAll(() => t.cleanup());

describe('faces in video', () => {
  it('links the sampled boxes of each shot into one track, so each face is reviewed once', () => {
    const faces = lib.repos.faces.ofMedia(video).sort((a, b) => a.time! - b.time!);
    expect(faces).toHaveLength(2);
    for (const f of faces) expect(f).toMatchObject({ source: 'detected', state: 'unreviewed', trackId: expect.any(Number) });
    const [moving, still] = faces.map((f) => faceTrack(lib, f.id));
    // Two samples per second over six seconds; the face is found in every one of them.
    expect(moving!.length).toBeGreaterThanOrEqual(11);
    expect(moving![0]!.time).toBeLessThan(0.6);
    expect(moving!.at(-1)!.time).toBeLessThan(6.01);
    expect(still!.length).toBeGreaterThanOrEqual(5);
    expect(still![0]!.time).toBeGreaterThanOrEqual(5.9);
  });

  it('stores every sampled box with its time, following the face as it moves', () => {
    const moving = lib.repos.faces.ofMedia(video).sort((a, b) => a.time! - b.time!)[0]!;
    const path = faceTrack(lib, moving.id);
    for (let i = 1; i < path.length; i++) expect(path[i]!.time).toBeGreaterThan(path[i - 1]!.time);
    for (let i = 1; i < path.length; i++) expect(path[i]!.box.x).toBeGreaterThan(path[i - 1]!.box.x);
    // The portrait's left edge is at x = 60 + 160 t pixels; the face sits a little inside it.
    for (const p of path) {
      const faceCentre = (p.box.x + p.box.w / 2) * 1280;
      expect(faceCentre).toBeGreaterThan(60 + 160 * p.time + 40);
      expect(faceCentre).toBeLessThan(60 + 160 * p.time + 150);
    }
    // The face row shows the track's clearest sample.
    expect(path.map((p) => p.time)).toContain(moving.time);
  });
});
