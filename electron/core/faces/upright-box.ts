import type { Rect } from './box-geometry';

/**
 * Turns a box given in fractions of the stored image into fractions of the image as shown, for an
 * EXIF orientation (1..8). Embedded regions are written against the stored pixels; ClearFrame keeps
 * every box relative to the upright image.
 */
export function uprightBox(b: Rect, orientation: number | null): Rect {
  switch (orientation) {
    case 2:
      return { x: 1 - b.x - b.w, y: b.y, w: b.w, h: b.h };
    case 3:
      return { x: 1 - b.x - b.w, y: 1 - b.y - b.h, w: b.w, h: b.h };
    case 4:
      return { x: b.x, y: 1 - b.y - b.h, w: b.w, h: b.h };
    case 5:
      return { x: b.y, y: b.x, w: b.h, h: b.w };
    case 6:
      return { x: 1 - b.y - b.h, y: b.x, w: b.h, h: b.w };
    case 7:
      return { x: 1 - b.y - b.h, y: 1 - b.x - b.w, w: b.h, h: b.w };
    case 8:
      return { x: b.y, y: 1 - b.x - b.w, w: b.h, h: b.w };
    default:
      return { ...b };
  }
}
