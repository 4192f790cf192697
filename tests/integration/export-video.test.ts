import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localAdmin } from '../../electron/core/api/context';
import { checkMedia } from '../../electron/core/export/check-service';
import { startExport } from '../../electron/core/export/export-service';
import { endExifTool } from '../../electron/core/export/exif-tool';
import { iou } from '../../electron/core/faces/box-geometry';
import { detectorPool } from '../../electron/core/faces/detector-pool';
import { defaultFaceSettings } from '../../electron/core/faces/face-settings';
import {
  addConsent,
  addFace,
  addPerson,
  detail,
  exportLibrary,
  frameRegion,
  importMedia,
  markDetected,
  meanAbsDiff,
  movingFaceVideo,
  videoFramesGrey,
  type MovingFaceVideo,
} from './export-kit';

/**
 * Video redaction on a generated clip of a public-domain portrait (an adult) moving across the frame.
 * The track is sampled twice a second, as the face detector samples video; every frame in between must
 * be covered too, so the test looks at every frame of the output.
 */
const t = exportLibrary('cf-export-video-');
const { lib, scratch } = t;
let video: MovingFaceVideo;
let mediaId = 0;
let output = '';

function probe(path: string): { streams: { codec_type: string; codec_name: string }[]; format: { tags?: Record<string, string> } } {
  return JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-show_streams', '-show_format', '-of', 'json', path]).toString());
}

beforeAll(async () => {
  video = await movingFaceVideo(scratch);
  [mediaId] = await importMedia(lib, [video.path]);
  markDetected(lib, mediaId);
  const bob = addPerson(lib, { firstName: 'Bob' }).id;
  addConsent(lib, bob, 'website', 'refused', '2020-01-01');
  const samples = Array.from({ length: 9 }, (_, i) => ({ time: i * 0.5, box: video.faceAt(i * 0.5) })).filter((s) => s.time <= 3.9);
  addFace(lib, mediaId, samples[3]!.box, { state: 'person', personId: bob }, samples);
  lib.repos.marks.set({ mediaId, confidential: false, notForPublication: null, audioRights: 'own', thirdPartyPermission: null }, 'tester');
  const report = await startExport(lib, localAdmin, { media: [String(mediaId)], all: false, channel: 'website', identity: 'foundation', outDir: join(scratch, 'out'), style: 'blur', removeAudio: false }).done;
  expect(report.failed).toEqual([]);
  output = report.exported[0]!.file;
  expect(report.exported[0]!.blurred).toBe(1);
}, 120_000);
afterAll(async () => {
  await detectorPool().close();
  await endExifTool(lib);
  t.cleanup();
});

describe('video export', () => {
  it('redacts the moving face in every frame of the output', async () => {
    const [before, after] = await Promise.all([videoFramesGrey(video.path, video.width, video.height), videoFramesGrey(output, video.width, video.height)]);
    expect(after.length).toBe(before.length);
    expect(after.length).toBe(video.fps * video.durationS);
    const failures: string[] = [];
    for (let i = 0; i < after.length; i++) {
      const box = video.faceAt(i / video.fps);
      const original = await frameRegion(before[i]!, video.width, video.height, box);
      const redacted = await frameRegion(after[i]!, video.width, video.height, box);
      if (!(detail(redacted) < detail(original) * 0.35 && meanAbsDiff(original, redacted) > 10)) {
        failures.push(`frame ${i}: detail ${detail(original).toFixed(1)} → ${detail(redacted).toFixed(1)}, diff ${meanAbsDiff(original, redacted).toFixed(1)}`);
      }
    }
    expect(failures).toEqual([]);
  }, 60_000);

  it("leaves no face for ClearFrame's detector in sampled output frames, where the original has one", async () => {
    const pool = detectorPool();
    for (const time of [0.3, 1.7, 2.9]) {
      const box = video.faceAt(time);
      const found: Record<string, number> = {};
      for (const [name, path] of [['original', video.path], ['output', output]] as const) {
        const png = join(scratch, `${name}-${time}.png`);
        writeFileSync(png, execFileSync('ffmpeg', ['-v', 'error', '-ss', String(time), '-i', path, '-frames:v', '1', '-f', 'image2pipe', '-c:v', 'png', 'pipe:1']));
        // Frames are scanned with the video settings, as face detection scans videos.
        const scan = await pool.run({ kind: 'scan-photo', path: png, ext: 'png', minFacePx: defaultFaceSettings.videoMinFacePx, minScore: defaultFaceSettings.minScore });
        found[name] = scan.faces.filter((f) => iou(f, box) > 0.2).length;
      }
      expect(found).toEqual({ original: 1, output: 0 });
    }
  }, 120_000);

  it('is H.264 and AAC in MP4, with only the attribution in its container', () => {
    const info = probe(output);
    expect(info.streams.map((s) => `${s.codec_type}:${s.codec_name}`)).toEqual(['video:h264', 'audio:aac']);
    const tags = info.format.tags ?? {};
    expect(tags).toMatchObject({ artist: 'Jane Photographer', copyright: expect.stringMatching(/^© \d{4} Foundation$/), comment: expect.stringMatching(/^urn:clearframe:export:\d+:1 /) });
    expect(Object.keys(tags).filter((k) => !['major_brand', 'minor_version', 'compatible_brands', 'encoder', 'artist', 'copyright', 'comment'].includes(k))).toEqual([]);
  });

  it('blocks sound of unknown origin on an external channel, and exports without it when asked to drop the audio', async () => {
    lib.repos.marks.set({ mediaId, confidential: false, notForPublication: null, audioRights: 'unknown', thirdPartyPermission: null }, 'tester');
    const check = (removeAudio: boolean) => checkMedia(lib, { media: [String(mediaId)], all: false, channel: 'website', removeAudio })[0]!.decision;
    expect(check(false)).toMatchObject({ decision: 'blocked', reasons: [{ code: 'audio_rights' }] });
    expect(check(true)).toMatchObject({ decision: 'redact', removeAudio: true });
    const report = await startExport(lib, localAdmin, { media: [String(mediaId)], all: false, channel: 'website', identity: 'foundation', outDir: join(scratch, 'silent'), style: 'pixelate', removeAudio: true }).done;
    expect(probe(report.exported[0]!.file).streams.map((s) => s.codec_type)).toEqual(['video']);
  }, 60_000);
});

describe('a portrait video', () => {
  it('keeps the picture upright and sized for the channel', async () => {
    const sideways = join(scratch, 'sideways.mp4');
    // Filmed 640 x 360 with the phone upright: the file says "turn it a quarter" (set while copying; ffmpeg 5 only writes it then).
    const plain = join(scratch, 'plain.mp4');
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=640x360:rate=10', '-t', '1', '-pix_fmt', 'yuv420p', plain]);
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', plain, '-c', 'copy', '-metadata:s:v:0', 'rotate=90', sideways]);
    const [id] = await importMedia(lib, [sideways]);
    markDetected(lib, id);
    const report = await startExport(lib, localAdmin, { media: [String(id)], all: false, channel: 'newsletter', identity: 'foundation', outDir: join(scratch, 'portrait'), style: 'blur', removeAudio: false }).done;
    const stream = JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height:stream_side_data=rotation', '-of', 'json', report.exported[0]!.file]).toString()).streams[0];
    expect([stream.width, stream.height, stream.side_data_list]).toEqual([360, 640, undefined]);
    const meta = await sharp(execFileSync('ffmpeg', ['-v', 'error', '-i', report.exported[0]!.file, '-frames:v', '1', '-f', 'image2pipe', '-c:v', 'png', 'pipe:1'])).metadata();
    expect([meta.width, meta.height]).toEqual([360, 640]);
  }, 60_000);
});

describe('with the face detector', () => {
  it("redacts every frame of the tracks ClearFrame's own detection found", async () => {
    const { startFaceDetection } = await import('../../electron/core/faces/detection-service');
    const s = exportLibrary('cf-export-video-detect-');
    try {
      const clip = await movingFaceVideo(s.scratch);
      const [id] = await importMedia(s.lib, [clip.path]);
      const detection = await startFaceDetection(s.lib, localAdmin, { all: false, mediaIds: [id], force: false }).done;
      expect(detection.failed).toEqual([]);
      const faces = s.lib.repos.faces.ofMedia(id);
      expect(faces.length).toBeGreaterThan(0);
      const bob = addPerson(s.lib, { firstName: 'Bob' }).id;
      addConsent(s.lib, bob, 'newsletter', 'withdrawn', '2020-01-01');
      for (const f of faces) s.lib.repos.faces.review(f.id, { state: 'person', personId: bob, suggestedPersonId: null, suggestionDistance: null }, 'tester');
      s.lib.repos.marks.set({ mediaId: id, confidential: false, notForPublication: null, audioRights: 'own', thirdPartyPermission: null }, 'tester');
      const report = await startExport(s.lib, localAdmin, { media: [String(id)], all: false, channel: 'newsletter', identity: 'foundation', outDir: join(s.scratch, 'out'), style: 'blur', removeAudio: false }).done;
      const [before, after] = await Promise.all([videoFramesGrey(clip.path, clip.width, clip.height), videoFramesGrey(report.exported[0]!.file, clip.width, clip.height)]);
      const failures: number[] = [];
      for (let i = 0; i < after.length; i++) {
        const box = clip.faceAt(i / clip.fps);
        const original = await frameRegion(before[i]!, clip.width, clip.height, box);
        const redacted = await frameRegion(after[i]!, clip.width, clip.height, box);
        if (!(detail(redacted) < detail(original) * 0.35)) failures.push(i);
      }
      expect(failures).toEqual([]);
    } finally {
      await endExifTool(s.lib);
      s.cleanup();
    }
  }, 120_000);
});
