import type { FaceBox } from '../../../../shared/types';

/** A label ending at its box's right edge (for faces at the right edge of the picture). */
export const labelAtEnd = (b: FaceBox): boolean => b.x + b.w > 0.85;

/**
 * How wide (in pixels) a face's label may be before it runs into the next face in the same row, or off the
 * picture: a class photo's labels then stay readable without covering each other.
 */
export function labelRoom(boxes: readonly FaceBox[], index: number, stageWidth: number): number {
  const b = boxes[index]!;
  const sameRow = boxes.filter((o, i) => i !== index && Math.abs(o.y - b.y) < Math.max(o.h, b.h));
  if (labelAtEnd(b)) {
    const before = sameRow.filter((o) => o.x + o.w <= b.x + b.w && o.x < b.x).map((o) => o.x + o.w);
    return (b.x + b.w - Math.max(0, ...before)) * stageWidth;
  }
  const after = sameRow.filter((o) => o.x > b.x).map((o) => o.x);
  return (Math.min(1, ...after) - b.x) * stageWidth;
}
