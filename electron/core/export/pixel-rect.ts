import type { FaceBox } from '../../../shared/types';

export interface PixelRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * A fractional box in whole pixels of a `width` x `height` image, rounded outwards so every pixel the
 * box touches is inside; never empty, never outside the image.
 */
export function pixelRect(box: FaceBox, width: number, height: number): PixelRect {
  const left = Math.min(width - 1, Math.max(0, Math.floor(box.x * width)));
  const top = Math.min(height - 1, Math.max(0, Math.floor(box.y * height)));
  const right = Math.max(left + 1, Math.min(width, Math.ceil((box.x + box.w) * width)));
  const bottom = Math.max(top + 1, Math.min(height, Math.ceil((box.y + box.h) * height)));
  return { left, top, width: right - left, height: bottom - top };
}
