/** Axis-aligned boxes, in pixels or in fractions of the image; every function here is unit-free. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface ScoredRect extends Rect {
  score: number;
}

export function area(r: Rect): number {
  return Math.max(0, r.w) * Math.max(0, r.h);
}

export function intersection(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

export function iou(a: Rect, b: Rect): number {
  const i = intersection(a, b);
  return i === 0 ? 0 : i / (area(a) + area(b) - i);
}

/** How much of `inner` lies inside `outer` (1 = completely). */
export function containedIn(inner: Rect, outer: Rect): number {
  const a = area(inner);
  return a === 0 ? 0 : intersection(inner, outer) / a;
}

export function centreDistance(a: Rect, b: Rect): number {
  return Math.hypot(a.x + a.w / 2 - (b.x + b.w / 2), a.y + a.h / 2 - (b.y + b.h / 2));
}

/** Greedy non-maximum suppression: the best-scoring box of each overlapping group survives. */
export function nonMaxSuppression<T extends ScoredRect>(boxes: readonly T[], iouThreshold: number): T[] {
  const sorted = [...boxes].sort((a, b) => b.score - a.score);
  const kept: T[] = [];
  for (const box of sorted) {
    if (!kept.some((k) => iou(k, box) > iouThreshold)) kept.push(box);
  }
  return kept;
}

/** Clamps a fractional box to the image (0..1), keeping it non-empty. */
export function clampUnit(r: Rect): Rect {
  const x = Math.min(Math.max(r.x, 0), 1);
  const y = Math.min(Math.max(r.y, 0), 1);
  return { x, y, w: Math.max(0, Math.min(r.x + r.w, 1) - x), h: Math.max(0, Math.min(r.y + r.h, 1) - y) };
}
