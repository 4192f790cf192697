import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localAdmin } from '../../electron/core/api/context';
import { startExport } from '../../electron/core/export/export-service';
import { endExifTool } from '../../electron/core/export/exif-tool';
import { previewExport } from '../../electron/core/export/preview-service';
import type { ExportPreview } from '../../shared/contract/export';
import type { FaceBox } from '../../shared/types';
import {
  addConsent,
  addFace,
  addPerson,
  detail,
  exportLibrary,
  facesDir,
  frameRegion,
  importMedia,
  markDetected,
  meanAbsDiff,
  movingFaceVideo,
  twoPeopleFaces,
  videoFramesGrey,
  type MovingFaceVideo,
} from './export-kit';

/**
 * The preview of a video: the export video test's clip of a moving face (Bob, who refused: blurred), with
 * a second face standing still below it (Ann, who consented: left sharp). Each preview frame is compared
 * with the original frame at the same time, and with the frame the export writes there.
 */
const t = exportLibrary('cf-export-video-preview-');
const { lib, scratch } = t;
let video: MovingFaceVideo & { stillFace: FaceBox };
let mediaId = 0;
let preview: ExportPreview;
let original: Buffer[] = [];

/** The moving-face clip with the right-hand face of two_people.jpg pasted, still, in its lower left corner. */
async function withStillFace(clip: MovingFaceVideo): Promise<MovingFaceVideo & { stillFace: FaceBox }> {
  const [W, H] = [1126, 661];
  const crop = { left: 760, top: 10, width: 205, height: 270 };
  const scale = 90 / crop.width;
  const at = { x: 40, y: 235 };
  const patch = join(scratch, 'still-face.png');
  await sharp(join(facesDir, 'two_people.jpg')).extract(crop).resize(90).png().toFile(patch);
  const path = join(scratch, 'two-faces.mp4');
  execFileSync('ffmpeg', [
    ...['-v', 'error', '-y', '-i', clip.path, '-loop', '1', '-i', patch],
    ...['-filter_complex', `[0:v][1:v]overlay=x=${at.x}:y=${at.y}:shortest=1,format=yuv420p[v]`, '-map', '[v]', '-map', '0:a'],
    ...['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '16', '-c:a', 'copy', path],
  ]);
  const face = twoPeopleFaces[1]!;
  const stillFace = {
    x: (at.x + (face.x * W - crop.left) * scale) / clip.width,
    y: (at.y + (face.y * H - crop.top) * scale) / clip.height,
    w: (face.w * W * scale) / clip.width,
    h: (face.h * H * scale) / clip.height,
  };
  return { ...clip, path, stillFace };
}

async function jpegGrey(dataUrl: string): Promise<Buffer> {
  return sharp(Buffer.from(dataUrl.split(',')[1]!, 'base64')).greyscale().raw().toBuffer();
}

beforeAll(async () => {
  video = await withStillFace(await movingFaceVideo(scratch));
  [mediaId] = await importMedia(lib, [video.path]);
  markDetected(lib, mediaId);
  const bob = addPerson(lib, { firstName: 'Bob' }).id;
  const ann = addPerson(lib, { firstName: 'Ann' }).id;
  addConsent(lib, bob, 'website', 'refused', '2020-01-01');
  addConsent(lib, ann, 'website', 'granted', '2020-01-01');
  // Bob is tracked over the whole clip (middle 1.75 s), Ann over its first two seconds (middle 1 s).
  const moving = Array.from({ length: 8 }, (_, i) => ({ time: i * 0.5, box: video.faceAt(i * 0.5) }));
  addFace(lib, mediaId, moving[3]!.box, { state: 'person', personId: bob }, moving);
  const still = Array.from({ length: 5 }, (_, i) => ({ time: i * 0.5, box: video.stillFace }));
  addFace(lib, mediaId, video.stillFace, { state: 'person', personId: ann }, still);
  lib.repos.marks.set({ mediaId, confidential: false, notForPublication: null, audioRights: 'own', thirdPartyPermission: null }, 'tester');
  preview = await previewExport(lib, { media: String(mediaId), channel: 'website', identity: 'foundation', style: 'blur' });
  original = await videoFramesGrey(video.path, video.width, video.height);
}, 120_000);
afterAll(async () => {
  await endExifTool(lib);
  t.cleanup();
});

describe('the preview of a video', () => {
  it('shows a frame in the middle of each tracked face, at the channel size, with the sound kept', () => {
    expect(preview.decision.decision).toBe('redact');
    expect(preview.frames.map((f) => f.time)).toEqual([1, 1.76]);
    expect([preview.width, preview.height, preview.image, preview.sound]).toEqual([640, 360, null, 'kept']);
  });

  it("blurs the refused face and leaves the consented one sharp, compared with the original's frame at the same time", async () => {
    for (const frame of preview.frames) {
      const shown = await jpegGrey(frame.image);
      const before = original[Math.round(frame.time * video.fps)]!;
      const bobBefore = await frameRegion(before, video.width, video.height, video.faceAt(frame.time));
      const bobShown = await frameRegion(shown, video.width, video.height, video.faceAt(frame.time));
      expect(detail(bobShown)).toBeLessThan(detail(bobBefore) * 0.35);
      expect(meanAbsDiff(bobBefore, bobShown)).toBeGreaterThan(10);
      const annBefore = await frameRegion(before, video.width, video.height, video.stillFace);
      const annShown = await frameRegion(shown, video.width, video.height, video.stillFace);
      expect(meanAbsDiff(annBefore, annShown)).toBeLessThan(4);
      expect(detail(annShown)).toBeGreaterThan(detail(annBefore) * 0.8);
    }
  });

  it('shows the pixels the export writes at the same time', async () => {
    const report = await startExport(lib, localAdmin, { media: [String(mediaId)], all: false, channel: 'website', identity: 'foundation', outDir: join(scratch, 'out'), style: 'blur', removeAudio: false }).done;
    const written = await videoFramesGrey(report.exported[0]!.file, video.width, video.height);
    for (const frame of preview.frames) {
      const shown = await jpegGrey(frame.image);
      const exported = written[Math.round(frame.time * video.fps)]!;
      const whole = { x: 0, y: 0, w: 1, h: 1 };
      // Both are compressed (JPEG and H.264), so they differ by a little noise, far less than blurred from sharp.
      expect(meanAbsDiff(await frameRegion(shown, video.width, video.height, whole, 256), await frameRegion(exported, video.width, video.height, whole, 256))).toBeLessThan(2);
      const bob = video.faceAt(frame.time);
      expect(meanAbsDiff(await frameRegion(shown, video.width, video.height, bob), await frameRegion(exported, video.width, video.height, bob))).toBeLessThan(3);
    }
  }, 60_000);

  it('leaves nothing behind in the library: no file in tmp/, store/ or previews/', async () => {
    const files = (dir: string) => readdirSync(dir, { recursive: true }).length;
    const [tmp, store, previews] = [files(lib.paths.tmp), files(lib.paths.store), files(lib.paths.previews)];
    await previewExport(lib, { media: String(mediaId), channel: 'website', identity: 'foundation', style: 'pixelate' });
    expect([files(lib.paths.tmp), files(lib.paths.store), files(lib.paths.previews)]).toEqual([tmp, store, previews]);
  });

  it('gives no frames for a blocked video, and says when the sound is left out', async () => {
    lib.repos.marks.set({ mediaId, confidential: false, notForPublication: null, audioRights: 'unknown', thirdPartyPermission: null }, 'tester');
    try {
      const blocked = await previewExport(lib, { media: String(mediaId), channel: 'website', identity: 'foundation', style: 'blur' });
      expect(blocked).toMatchObject({ decision: { decision: 'blocked' }, frames: [], sound: null, image: null });
      const silent = await previewExport(lib, { media: String(mediaId), channel: 'website', identity: 'foundation', style: 'blur', removeAudio: true });
      expect([silent.decision.decision, silent.frames.length, silent.sound]).toEqual(['redact', 2, 'removed']);
    } finally {
      lib.repos.marks.set({ mediaId, confidential: false, notForPublication: null, audioRights: 'own', thirdPartyPermission: null }, 'tester');
    }
  });

  it('spreads four frames over a video without faces', async () => {
    const plain = join(scratch, 'plain.mp4');
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=640x360:rate=25', '-t', '4', '-pix_fmt', 'yuv420p', plain]);
    const [id] = await importMedia(lib, [plain]);
    markDetected(lib, id);
    const p = await previewExport(lib, { media: String(id), channel: 'newsletter', identity: 'foundation', style: 'blur' });
    expect(p.frames.map((f) => f.time)).toEqual([0.52, 1.52, 2.52, 3.52]);
    expect(p.sound).toBe('none');
  });
});
