import type { FaceBox } from '../types';

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** The share of the frame a face box covers (the part of the box inside the frame). */
export function boxShare(box: FaceBox): number {
  const w = clamp01(box.x + box.w) - clamp01(box.x);
  const h = clamp01(box.y + box.h) - clamp01(box.y);
  return w * h;
}

/**
 * The region to blur: the face box grown on every side by `margin` times its size, kept inside the frame,
 * because detectors box the face tightly and hair, ears and chin identify a person too.
 */
export function redactionBox(box: FaceBox, margin: number): FaceBox {
  const x0 = clamp01(box.x - box.w * margin);
  const y0 = clamp01(box.y - box.h * margin);
  const x1 = clamp01(box.x + box.w * (1 + margin));
  const y1 = clamp01(box.y + box.h * (1 + margin));
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}
