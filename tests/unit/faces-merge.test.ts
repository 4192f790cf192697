import { describe, expect, it } from 'vitest';
import { iou, nonMaxSuppression } from '../../electron/core/faces/box-geometry';
import { mergeDetections } from '../../electron/core/faces/merge-detections';
import type { ScanWindow } from '../../electron/core/faces/scan-plan';

function tile(over: Partial<ScanWindow>): ScanWindow {
  return {
    level: 0,
    scale: 1,
    x: 0,
    y: 0,
    w: 1000,
    h: 1000,
    levelWidth: 2000,
    levelHeight: 1000,
    inputX: 0,
    inputY: 0,
    inputWidth: 1000,
    inputHeight: 1000,
    innerEdges: { left: false, top: false, right: false, bottom: false },
    ...over,
  };
}

// Two tiles of a 2000 x 1000 level, overlapping from x = 800 to 1000.
const left = tile({ innerEdges: { left: false, top: false, right: true, bottom: false } });
const right = tile({ x: 800, inputX: 800, innerEdges: { left: true, top: false, right: false, bottom: false } });

describe('merging detections across tiles and levels', () => {
  it('keeps the best of overlapping boxes, and faces side by side', () => {
    const boxes = [
      { x: 0, y: 0, w: 100, h: 100, score: 0.9 },
      { x: 5, y: 5, w: 100, h: 100, score: 0.8 },
      { x: 150, y: 0, w: 100, h: 100, score: 0.7 },
    ];
    expect(nonMaxSuppression(boxes, 0.45).map((b) => b.score)).toEqual([0.9, 0.7]);
  });

  it('finds a face on a tile border once: the half cut by the tile goes, the whole face in the next tile stays', () => {
    const face = { x: 950, y: 300, w: 100, h: 130 };
    const merged = mergeDetections(
      [
        // The left tile sees the face cut at its right edge (x = 1000).
        { window: left, boxes: [{ x: 950, y: 305, w: 50, h: 125, score: 0.8 }] },
        // The right tile sees it whole.
        { window: right, boxes: [{ x: face.x - 800, y: face.y, w: face.w, h: face.h, score: 0.95 }] },
      ],
      2000,
      1000,
      0.3,
    );
    expect(merged).toHaveLength(1);
    expect(iou({ x: merged[0]!.x * 2000, y: merged[0]!.y * 1000, w: merged[0]!.w * 2000, h: merged[0]!.h * 1000 }, face)).toBeGreaterThan(0.99);
  });

  it('keeps one copy of a face seen whole by two overlapping tiles and by a coarser level', () => {
    const coarse = tile({ level: 1, scale: 0.5, w: 2000, h: 1000, levelWidth: 1000, levelHeight: 500, inputWidth: 1000, inputHeight: 500 });
    const merged = mergeDetections(
      [
        { window: left, boxes: [{ x: 850, y: 300, w: 100, h: 130, score: 0.9 }] },
        { window: right, boxes: [{ x: 52, y: 302, w: 98, h: 128, score: 0.92 }] },
        { window: coarse, boxes: [{ x: 424, y: 149, w: 52, h: 66, score: 0.7 }] },
      ],
      2000,
      1000,
      0.3,
    );
    expect(merged).toHaveLength(1);
    expect(merged[0]!.score).toBe(0.92);
  });

  it('drops a part of a face inside the whole face, but never small faces inside a false giant box', () => {
    const whole = { window: right, boxes: [{ x: 100, y: 100, w: 300, h: 400, score: 0.95 }] };
    const eye = { window: right, boxes: [{ x: 150, y: 200, w: 120, h: 150, score: 0.5 }] };
    expect(mergeDetections([whole, eye], 2000, 1000, 0.3)).toHaveLength(1);
    const giant = { window: left, boxes: [{ x: 0, y: 0, w: 700, h: 400, score: 0.5 }] };
    const small = { window: left, boxes: [{ x: 100, y: 100, w: 40, h: 50, score: 0.8 }, { x: 300, y: 200, w: 40, h: 50, score: 0.7 }] };
    const merged = mergeDetections([giant, small], 2000, 1000, 0.3);
    expect(merged.filter((b) => b.h * 1000 === 50)).toHaveLength(2);
  });

  it('asks more of a box covering much of the image: big faces are seen clearly and score high', () => {
    const weakGiant = { window: left, boxes: [{ x: 0, y: 0, w: 600, h: 800, score: 0.5 }] };
    const clearGiant = { window: left, boxes: [{ x: 0, y: 0, w: 600, h: 800, score: 0.97 }] };
    expect(mergeDetections([weakGiant], 2000, 1000, 0.3)).toEqual([]);
    expect(mergeDetections([clearGiant], 2000, 1000, 0.3)).toHaveLength(1);
  });

  it('applies the score threshold and drops specks too small to be faces', () => {
    const boxes = [
      { x: 10, y: 10, w: 40, h: 50, score: 0.29 },
      { x: 100, y: 10, w: 40, h: 50, score: 0.31 },
      { x: 200, y: 10, w: 8, h: 10, score: 0.99 },
    ];
    expect(mergeDetections([{ window: left, boxes }], 2000, 1000, 0.3).map((b) => b.score)).toEqual([0.31]);
  });
});
