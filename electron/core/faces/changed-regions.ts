import type { Rect } from './box-geometry';

/**
 * Which parts of a video frame changed since the detector last looked at them. A sampled frame of a
 * class video from a tripod is mostly the same room as half a second earlier: where no pixel changed,
 * the detector would give the same boxes again, so only the changed parts (and enough around them to
 * hold a whole face) need another pass. Measured between consecutive samples of the benchmark clip
 * (x264, still background, two faces moving): 92 % of cells differ by under 0.5 grey levels on
 * average and 3 % by 0.5–3 (compression), 4 % by 10 or more (where a face moved), 0.3 % in between.
 */

/** Cells are this many level pixels square: a face the fine level finds spans at least two. */
export const cellPx = 16;
/** A cell whose pixels differ by more than this on average (0..255) has changed. */
export const changedMeanDiff = 3;

export interface CellGrid {
  cols: number;
  rows: number;
  /** 1 where the cell counts (changed, or to be scanned), row by row. */
  cells: Uint8Array;
}

/** Compares two frames of packed RGB cell by cell (every other pixel of every other row is enough). */
export function changedCells(current: Uint8Array, reference: Uint8Array, width: number, height: number): CellGrid {
  const cols = Math.ceil(width / cellPx);
  const rows = Math.ceil(height / cellPx);
  const sums = new Float64Array(cols * rows);
  const counts = new Uint32Array(cols * rows);
  for (let y = 0; y < height; y += 2) {
    const rowCell = Math.floor(y / cellPx) * cols;
    for (let x = 0; x < width; x += 2) {
      const i = (y * width + x) * 3;
      const d = Math.abs(current[i]! - reference[i]!) + Math.abs(current[i + 1]! - reference[i + 1]!) + Math.abs(current[i + 2]! - reference[i + 2]!);
      const c = rowCell + Math.floor(x / cellPx);
      sums[c]! += d / 3;
      counts[c]!++;
    }
  }
  const cells = new Uint8Array(cols * rows);
  for (let c = 0; c < cells.length; c++) cells[c] = counts[c]! > 0 && sums[c]! / counts[c]! > changedMeanDiff ? 1 : 0;
  return { cols, rows, cells };
}

/** The grid with every cell within `radius` cells of a marked one marked too (a square neighbourhood). */
export function grow(grid: CellGrid, radius: number): CellGrid {
  const { cols, rows } = grid;
  const across = new Uint8Array(cols * rows);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (!grid.cells[r * cols + c]) continue;
      for (let k = Math.max(0, c - radius); k <= Math.min(cols - 1, c + radius); k++) across[r * cols + k] = 1;
    }
  }
  const cells = new Uint8Array(cols * rows);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (!across[r * cols + c]) continue;
      for (let k = Math.max(0, r - radius); k <= Math.min(rows - 1, r + radius); k++) cells[k * cols + c] = 1;
    }
  }
  return { cols, rows, cells };
}

/**
 * Rectangles (in level pixels, inside width x height) that together cover every marked cell: the
 * bounding boxes of the marked areas, joined where they overlap, since one bigger pass costs about
 * what two touching ones do and never cuts a face between them.
 */
export function coveringRects(grid: CellGrid, width: number, height: number): Rect[] {
  const { cols, rows, cells } = grid;
  const seen = new Uint8Array(cols * rows);
  let boxes: { c0: number; r0: number; c1: number; r1: number }[] = [];
  for (let start = 0; start < cells.length; start++) {
    if (!cells[start] || seen[start]) continue;
    const box = { c0: cols, r0: rows, c1: -1, r1: -1 };
    const stack = [start];
    seen[start] = 1;
    while (stack.length > 0) {
      const i = stack.pop()!;
      const r = Math.floor(i / cols);
      const c = i % cols;
      box.c0 = Math.min(box.c0, c);
      box.c1 = Math.max(box.c1, c);
      box.r0 = Math.min(box.r0, r);
      box.r1 = Math.max(box.r1, r);
      for (const [dr, dc] of [[1, 0], [-1, 0], [0, 1], [0, -1]] as const) {
        const rr = r + dr;
        const cc = c + dc;
        const j = rr * cols + cc;
        if (rr >= 0 && rr < rows && cc >= 0 && cc < cols && cells[j] && !seen[j]) {
          seen[j] = 1;
          stack.push(j);
        }
      }
    }
    boxes.push(box);
  }
  for (let joined = true; joined; ) {
    joined = false;
    outer: for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (a.c0 <= b.c1 && b.c0 <= a.c1 && a.r0 <= b.r1 && b.r0 <= a.r1) {
          boxes[i] = { c0: Math.min(a.c0, b.c0), r0: Math.min(a.r0, b.r0), c1: Math.max(a.c1, b.c1), r1: Math.max(a.r1, b.r1) };
          boxes = boxes.filter((_, k) => k !== j);
          joined = true;
          break outer;
        }
      }
    }
  }
  return boxes.map((b) => {
    const x = b.c0 * cellPx;
    const y = b.r0 * cellPx;
    return { x, y, w: Math.min(width, (b.c1 + 1) * cellPx) - x, h: Math.min(height, (b.r1 + 1) * cellPx) - y };
  });
}

/** Whether a rectangle in level pixels touches a marked cell. */
export function touchesMarked(grid: CellGrid, r: Rect): boolean {
  const c0 = Math.max(0, Math.floor(r.x / cellPx));
  const r0 = Math.max(0, Math.floor(r.y / cellPx));
  const c1 = Math.min(grid.cols - 1, Math.floor((r.x + r.w) / cellPx));
  const r1 = Math.min(grid.rows - 1, Math.floor((r.y + r.h) / cellPx));
  for (let row = r0; row <= r1; row++) {
    for (let c = c0; c <= c1; c++) if (grid.cells[row * grid.cols + c]) return true;
  }
  return false;
}

/** Whether every cell a rectangle in level pixels overlaps is marked. */
export function allMarked(grid: CellGrid, r: Rect): boolean {
  const c0 = Math.max(0, Math.floor(r.x / cellPx));
  const r0 = Math.max(0, Math.floor(r.y / cellPx));
  const c1 = Math.min(grid.cols - 1, Math.floor((r.x + r.w) / cellPx));
  const r1 = Math.min(grid.rows - 1, Math.floor((r.y + r.h) / cellPx));
  for (let row = r0; row <= r1; row++) {
    for (let c = c0; c <= c1; c++) if (!grid.cells[row * grid.cols + c]) return false;
  }
  return true;
}
