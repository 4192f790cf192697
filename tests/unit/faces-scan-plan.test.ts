import { describe, expect, it } from 'vitest';
import { detectorMaxFacePx, detectorMinFacePx, levelScales, maxTileEdge, maxTilePixels, planScan } from '../../electron/core/faces/scan-plan';

const sizes: [number, number][] = [
  [1920, 1080],
  [1080, 1920],
  [4000, 3000],
  [6000, 4000],
  [640, 480],
  [300, 200],
  [12000, 800],
];

describe('scan plan', () => {
  it('puts the smallest wanted face at the size the detector finds reliably', () => {
    expect(levelScales(1920, 1080, 32)[0]).toBeCloseTo(detectorMinFacePx / 32);
    expect(levelScales(1920, 1080, 64)[0]).toBeCloseTo(detectorMinFacePx / 64);
    // Never enlarges: faces smaller than the detector's minimum cannot be found by upscaling noise.
    expect(levelScales(200, 100, 16)[0]).toBe(1);
  });

  it('covers every face size from the smallest wanted to the whole image with overlapping levels', () => {
    for (const [w, h] of sizes) {
      const scales = levelScales(w, h, 32);
      for (let i = 1; i < scales.length; i++) {
        // The next level is reliable (30 px) before the previous one's largest face (450 px).
        expect(detectorMinFacePx / scales[i]!).toBeLessThan(detectorMaxFacePx / scales[i - 1]!);
      }
      // The coarsest level finds faces as large as the image's short side.
      expect(detectorMaxFacePx / scales.at(-1)!).toBeGreaterThanOrEqual(Math.min(w, h) * 0.99);
    }
  });

  it('tiles each level so the tiles cover it, fit one pass, and overlap by more than the next level misses', () => {
    for (const [w, h] of sizes) {
      const windows = planScan(w, h, 32);
      const scales = levelScales(w, h, 32);
      for (const [level, scale] of scales.entries()) {
        const tiles = windows.filter((t) => t.level === level);
        const { levelWidth, levelHeight } = tiles[0]!;
        for (const t of tiles) {
          expect(t.inputWidth * t.inputHeight).toBeLessThanOrEqual(maxTilePixels * 1.01);
          expect(Math.max(t.inputWidth, t.inputHeight)).toBeLessThanOrEqual(maxTileEdge);
          expect(t.inputX + t.inputWidth).toBeLessThanOrEqual(levelWidth);
          expect(t.inputY + t.inputHeight).toBeLessThanOrEqual(levelHeight);
        }
        // Every column and row of the level is inside some tile.
        const xs = [...new Set(tiles.map((t) => t.inputX))].sort((a, b) => a - b);
        const ys = [...new Set(tiles.map((t) => t.inputY))].sort((a, b) => a - b);
        expect(xs[0]).toBe(0);
        expect(ys[0]).toBe(0);
        const next = scales[level + 1];
        const needed = next === undefined ? 0 : (detectorMinFacePx * 1.5 * scale) / next;
        const width = tiles[0]!.inputWidth;
        const height = tiles[0]!.inputHeight;
        for (let i = 1; i < xs.length; i++) expect(xs[i - 1]! + width - xs[i]!).toBeGreaterThanOrEqual(Math.floor(needed));
        for (let i = 1; i < ys.length; i++) expect(ys[i - 1]! + height - ys[i]!).toBeGreaterThanOrEqual(Math.floor(needed));
        expect(xs.at(-1)! + width).toBe(levelWidth);
        expect(ys.at(-1)! + height).toBe(levelHeight);
      }
    }
  });

  it('marks only tile edges inside the image as inner edges', () => {
    const windows = planScan(4000, 3000, 32).filter((w) => w.level === 0);
    expect(windows.length).toBeGreaterThan(1);
    for (const t of windows) {
      expect(t.innerEdges.left).toBe(t.inputX > 0);
      expect(t.innerEdges.top).toBe(t.inputY > 0);
      expect(t.innerEdges.right).toBe(t.inputX + t.inputWidth < t.levelWidth);
      expect(t.innerEdges.bottom).toBe(t.inputY + t.inputHeight < t.levelHeight);
    }
    const single = planScan(1920, 1080, 32).filter((w) => w.level === 0);
    expect(single).toHaveLength(1);
    expect(single[0]!.innerEdges).toEqual({ left: false, top: false, right: false, bottom: false });
  });
});
