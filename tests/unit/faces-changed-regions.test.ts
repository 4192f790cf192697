import { describe, expect, it } from 'vitest';
import { allMarked, cellPx, changedCells, coveringRects, grow, touchesMarked, type CellGrid } from '../../electron/core/faces/changed-regions';
import { planScan, windowsWithin } from '../../electron/core/faces/scan-plan';

const width = 320;
const height = 160;

function frame(fill: (x: number, y: number) => number): Uint8Array {
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) rgb.fill(fill(x, y), (y * width + x) * 3, (y * width + x) * 3 + 3);
  return rgb;
}

const marked = (g: CellGrid) => [...g.cells.keys()].filter((i) => g.cells[i]).map((i) => [i % g.cols, Math.floor(i / g.cols)]);

describe('changed parts of a video frame', () => {
  const still = frame((x, y) => (x * 7 + y * 13) % 200);

  it('marks nothing when a frame is the same, or differs only by compression noise', () => {
    expect(marked(changedCells(still, still, width, height))).toEqual([]);
    const noisy = frame((x, y) => ((x * 7 + y * 13) % 200) + ((x + y) % 3));
    expect(marked(changedCells(noisy, still, width, height))).toEqual([]);
  });

  it('marks the cells where something moved, and only those', () => {
    // A dark square over cells (3..4, 2) — pixels 48..79 x 32..47.
    const moved = frame((x, y) => (x >= 48 && x < 80 && y >= 32 && y < 48 ? 0 : (x * 7 + y * 13) % 200));
    expect(marked(changedCells(moved, still, width, height))).toEqual([
      [3, 2],
      [4, 2],
    ]);
  });

  it('grows marked cells by a square radius, clipped to the grid', () => {
    const grid: CellGrid = { cols: 6, rows: 4, cells: new Uint8Array(24) };
    grid.cells[0] = 1;
    expect(marked(grow(grid, 1))).toEqual([
      [0, 0],
      [1, 0],
      [0, 1],
      [1, 1],
    ]);
    expect(grow(grid, 10).cells.every((c) => c === 1)).toBe(true);
  });

  it('covers every marked cell with few rectangles: one per separate area, joined where their boxes overlap', () => {
    const grid: CellGrid = { cols: 20, rows: 10, cells: new Uint8Array(200) };
    const mark = (c: number, r: number) => (grid.cells[r * 20 + c] = 1);
    // An L from (1, 1) to (3, 3), and a cell inside its box that does not touch it: one pass for both.
    for (const [c, r] of [[1, 1], [2, 1], [3, 1], [3, 2], [3, 3], [1, 3]] as const) mark(c, r);
    mark(15, 8);
    const rects = coveringRects(grid, 20 * cellPx - 5, 10 * cellPx);
    expect(rects).toHaveLength(2);
    expect(rects).toContainEqual({ x: cellPx, y: cellPx, w: 3 * cellPx, h: 3 * cellPx });
    // The last column is cut to the level's width.
    mark(19, 0);
    const withEdge = coveringRects(grid, 20 * cellPx - 5, 10 * cellPx);
    expect(withEdge).toContainEqual({ x: 19 * cellPx, y: 0, w: cellPx - 5, h: cellPx });
    for (const [c, r] of marked(grid)) {
      expect(withEdge.some((b) => b.x <= c! * cellPx && b.y <= r! * cellPx && b.x + b.w > c! * cellPx && b.y + b.h > r! * cellPx)).toBe(true);
    }
  });

  it('tells whether a box touches a marked cell or lies wholly in marked cells', () => {
    const grid: CellGrid = { cols: 4, rows: 4, cells: new Uint8Array(16) };
    grid.cells[5] = 1; // cell (1, 1)
    grid.cells[6] = 1; // cell (2, 1)
    expect(touchesMarked(grid, { x: 0, y: 0, w: 17, h: 17 })).toBe(true);
    expect(touchesMarked(grid, { x: 0, y: 0, w: 10, h: 10 })).toBe(false);
    expect(allMarked(grid, { x: 17, y: 17, w: 20, h: 10 })).toBe(true);
    expect(allMarked(grid, { x: 17, y: 17, w: 20, h: 20 })).toBe(false);
  });
});

describe('scanning only part of a level', () => {
  it('cuts the planned tiles to the rectangles, marking as inner only the edges inside the level', () => {
    const tiles = planScan(4000, 3000, 32).filter((w) => w.level === 0);
    const { levelWidth, levelHeight } = tiles[0]!;
    const rect = { x: 100, y: 0, w: 300, h: 200 };
    const parts = windowsWithin(tiles, [rect]);
    expect(parts.length).toBeGreaterThan(0);
    for (const p of parts) {
      expect(p.inputX).toBeGreaterThanOrEqual(rect.x);
      expect(p.inputX + p.inputWidth).toBeLessThanOrEqual(rect.x + rect.w);
      expect(p.inputY + p.inputHeight).toBeLessThanOrEqual(rect.y + rect.h);
      expect(p.innerEdges).toEqual({ left: true, top: false, right: true, bottom: true });
      expect(p.x).toBeCloseTo(p.inputX / p.scale);
    }
    const corner = windowsWithin(tiles, [{ x: levelWidth - 50, y: levelHeight - 50, w: 50, h: 50 }]);
    expect(corner.map((p) => p.innerEdges)).toContainEqual({ left: true, top: true, right: false, bottom: false });
    expect(windowsWithin(tiles, [])).toEqual([]);
  });
});
