import { describe, expect, it } from 'vitest';
import { previewTimes } from '../../electron/core/export/preview-video';

const box = { x: 0.1, y: 0.1, w: 0.1, h: 0.1 };
const track = (from: number, to: number) => ({ time: from, samples: [from, (from + to) / 2, to].map((time) => ({ time, box })) });

describe('the moments a video preview shows', () => {
  it('are the middle of each track, in order, as whole frames', () => {
    expect(previewTimes([track(4, 8), track(0, 2)], 10, 25)).toEqual([1, 6]);
    // 1.23 s is frame 30.75 → 31 at 25 fps.
    expect(previewTimes([track(1, 1.46)], 10, 25)).toEqual([31 / 25]);
  });

  it('show a face drawn on one frame at that frame, and faces seen at nearly the same moment once', () => {
    expect(previewTimes([{ time: 3, samples: null }, track(2, 4.2), track(5, 7)], 10, 25)).toEqual([3, 6]);
  });

  it('are at most four, spread from the first to the last', () => {
    const many = Array.from({ length: 9 }, (_, i) => track(i, i + 0.5));
    expect(previewTimes(many, 10, 25)).toEqual([0.24, 3.24, 5.24, 8.24]);
  });

  it('are spread evenly over a video without faces, fewer in a very short one, and never past its last frame', () => {
    expect(previewTimes([], 8, 25)).toEqual([1, 3, 5, 7]);
    expect(previewTimes([], 0.6, 25)).toEqual([0.32]);
    expect(previewTimes([{ time: 20, samples: null }], 2, 25)).toEqual([49 / 25]);
  });
});
