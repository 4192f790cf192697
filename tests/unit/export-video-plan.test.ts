import { describe, expect, it } from 'vitest';
import { redactionFilter } from '../../electron/core/export/video-filter';
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

/** The sendcmd script inside a filter graph: time → drawbox commands. */
function commands(filter: string): { time: number; text: string }[] {
  const script = /sendcmd=c='([^']*)'/.exec(filter)?.[1] ?? '';
  return script
    .split('\n')
    .filter(Boolean)
    .map((line) => ({ time: Number(line.split(' ')[0]), text: line }));
}

describe('the video redaction filter', () => {
  const plan = { width: 640, height: 360, fps: 25, durationS: 4, margin: 0.3, style: 'blur' as const };

  it('re-encodes without a mask when nothing is to be redacted', () => {
    expect(redactionFilter({ ...plan, tracks: [] })).toBe('[0:v]scale=640:360,setsar=1,format=yuv420p[v]');
  });

  it('moves a box every frame the face moves, half a frame before the frame, grown by the margin', () => {
    const filter = redactionFilter({ ...plan, tracks: [moving] });
    const cmds = commands(filter);
    // First command at t=0 hides nothing yet; the track starts 0.7 s before its first sample.
    const shown = cmds.filter((c) => !c.text.includes('x -4'));
    expect(shown[0]!.time).toBeCloseTo((Math.ceil(0.3 * 25) - 0.5) / 25);
    // One command per frame while moving (25 fps between 1 s and 2 s).
    expect(cmds.filter((c) => c.time > 1 && c.time < 2).length).toBe(25);
    // Frame 50 (2 s) shows the last sample's box grown by 30 % on each side: x 0.4 - 0.03 = 0.37 → 236 px, 0.16 wide, rounded outwards → 104 px.
    const frame50 = cmds.find((c) => Math.abs(c.time - 1.98) < 1e-6)!.text;
    expect(frame50).toContain('drawbox@s0 x 236,');
    expect(frame50).toContain('drawbox@s0 w 104,');
    // Hidden again after the extension.
    expect(cmds[cmds.length - 1]!.text).toContain('drawbox@s0 x -4');
  });

  it('shares one box between tracks that never overlap in time and adds one for tracks that do', () => {
    const later: RedactionTrack = [{ time: 3.5, box: box(0.7) }];
    const meanwhile: RedactionTrack = [{ time: 1.2, box: box(0.6) }];
    expect(redactionFilter({ ...plan, tracks: [moving, later] }).match(/drawbox@s\d+=/g)).toHaveLength(1);
    expect(redactionFilter({ ...plan, tracks: [moving, meanwhile] }).match(/drawbox@s\d+=/g)).toHaveLength(2);
  });

  it('shrinks the cover so the largest region keeps at most eight cells, and pixelates with hard blocks', () => {
    const filter = redactionFilter({ ...plan, tracks: [moving], style: 'pixelate' });
    const [, w] = /\[toblur\]scale=(\d+):(\d+):flags=area/.exec(filter)!;
    // The largest region is 0.16 x 0.32 of the frame grown: ~111 px tall → cells of 14 px → 640 / 14 ≈ 46 columns.
    expect(Number(w)).toBeLessThanOrEqual(Math.ceil(640 / (0.2 * 1.6 * 360 / 8)));
    expect(filter).toContain('flags=neighbor');
  });
});
