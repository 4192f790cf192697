import { describe, expect, it } from 'vitest';
import { redactionFilter } from '../../electron/core/export/video-filter';
import { maskFrame, maskFrameBytes, planMask } from '../../electron/core/export/video-mask';
import { boxAt, extensionOf, tracksOf, type RedactionTrack } from '../../electron/core/export/video-tracks';

const box = (x: number, y = 0.2, w = 0.1, h = 0.2) => ({ x, y, w, h });
const moving: RedactionTrack = [
  { time: 1, box: box(0.1) },
  { time: 1.5, box: box(0.2) },
  { time: 2, box: box(0.4) },
];

describe('face tracks over time', () => {
  it('moves the box linearly between samples', () => {
    expect(boxAt(moving, 1.25, { before: 0, after: 0 })!.x).toBeCloseTo(0.15);
    expect(boxAt(moving, 1.75, { before: 0, after: 0 })!.x).toBeCloseTo(0.3);
    expect(boxAt(moving, 1.5, { before: 0, after: 0 })).toEqual(box(0.2));
  });

  it('holds the box past the ends, grown by how far the face was moving, and not beyond the extension', () => {
    const ext = { before: 0.5, after: 0.5 };
    const after = boxAt(moving, 2.25, ext)!;
    // 0.4 of the frame per second at the end: a quarter second later the box reaches 0.1 further each way.
    expect(after.x).toBeCloseTo(0.3);
    expect(after.x + after.w).toBeCloseTo(0.6);
    expect(boxAt(moving, 0.75, ext)!.x).toBeCloseTo(0.05);
    expect(boxAt(moving, 2.6, ext)).toBeNull();
    expect(boxAt(moving, 0.4, ext)).toBeNull();
  });

  it('extends a track by its usual sample gap plus a few frames', () => {
    expect(extensionOf(moving, 25)).toEqual({ before: 0.7, after: 0.7 });
    expect(extensionOf([{ time: 3, box: box(0.1) }], 25).after).toBeCloseTo(0.7);
  });

  it('groups faces into tracks, each sorted by time; a face without a track is a track of its own', () => {
    const faces = [
      { id: 1, trackId: 7, time: 2, box: box(0.2) },
      { id: 2, trackId: 7, time: 1, box: box(0.1) },
      { id: 3, trackId: null, time: 4, box: box(0.5) },
    ];
    expect(tracksOf(faces)).toEqual([
      [
        { time: 1, box: box(0.1) },
        { time: 2, box: box(0.2) },
      ],
      [{ time: 4, box: box(0.5) }],
    ]);
  });
});

describe('the mask of a video', () => {
  const video = { width: 1920, height: 1080, fps: 25, durationS: 4, margin: 0.3 };

  it('is drawn at most 640 wide, and runs a second past the end so it never ends before the video', () => {
    const plan = planMask({ ...video, tracks: [moving] });
    expect([plan.width, plan.height, plan.factor, plan.frames]).toEqual([640, 360, 3, 125]);
  });

  it('covers in each frame the box at both ends of that frame, grown by the margin', () => {
    const plan = planMask({ ...video, tracks: [moving] });
    // Frame 30 (1.2 s) until frame 31 (1.24 s): x moves from 0.14 to 0.148.
    const [region] = plan.regionsAt(30);
    expect(region!.x).toBeCloseTo(0.14 - 0.03);
    expect(region!.x + region!.w).toBeCloseTo(0.148 + 0.1 + 0.03);
    expect(plan.regionsAt(0)).toEqual([]);
    expect(plan.regionsAt(8)).toHaveLength(1);
    expect(plan.regionsAt(70)).toEqual([]);
  });

  it('is 255 in every plane inside a region and 0 outside, rounded outwards to whole chroma pixels', () => {
    const plan = planMask({ ...video, tracks: [] });
    const frame = maskFrame(plan, [{ x: 0.1, y: 0.1, w: 0.05, h: 0.1 }], Buffer.alloc(maskFrameBytes(plan)));
    const { width: w, height: h } = plan;
    const y = (px: number, py: number) => frame[py * w + px];
    const u = (px: number, py: number) => frame[w * h + py * (w / 2) + px];
    const v = (px: number, py: number) => frame[w * h + (w * h) / 4 + py * (w / 2) + px];
    // 0.1 of 640 = 64; 0.15 of 640 = 96; 0.1 of 360 = 36; 0.2 of 360 = 72.
    expect([y(64, 36), y(95, 71), u(32, 18), v(47, 35)]).toEqual([255, 255, 255, 255]);
    expect([y(63, 36), y(100, 50), y(70, 35), y(70, 76), u(31, 20), v(51, 20)]).toEqual([0, 0, 0, 0, 0, 0]);
  });
});

describe('the video redaction filter', () => {
  it('re-encodes without a mask when nothing is to be redacted', () => {
    expect(redactionFilter({ width: 640, height: 360, style: 'blur', durationS: 4, mask: null })).toBe('[0:v]scale=640:360,setsar=1,format=yuv420p[v]');
  });

  it('shrinks the cover so the largest region keeps eight cells, and merges it where the mask says', () => {
    const filter = redactionFilter({ width: 640, height: 360, style: 'blur', durationS: 4, mask: { largestRegion: 160 } });
    expect(filter).toContain('[toblur]scale=32:18:flags=area,gblur');
    expect(filter).toContain('[1:v]scale=640:360:flags=neighbor');
    expect(filter).toContain('[base][blurred][mask]maskedmerge,trim=end=4.000[v]');
  });

  it('pixelates with hard blocks', () => {
    expect(redactionFilter({ width: 640, height: 360, style: 'pixelate', durationS: 4, mask: { largestRegion: 160 } })).toContain('scale=640:360:flags=neighbor[blurred]');
  });
});
