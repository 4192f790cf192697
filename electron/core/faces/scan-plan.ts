import type { Rect } from './box-geometry';

/**
 * Where the detector looks in a photo. SSD MobileNetV1 finds faces reliably from about 30 px up to
 * about 520 px tall in the picture it is given. Measured on public-domain portraits composited at
 * known sizes: with the finest level putting 32 px faces at 22 px, 32 px faces were found 0 of 6 and
 * recall for faces of 32–48 px was 84 %; at 30 px it was 6 of 6 and 96 %; sharp faces of 520–600 px
 * still score above 0.9. So an image is scanned as a small pyramid: the finest level is scaled so
 * that the smallest face wanted (`minFacePx`) becomes 30 px, coarser levels take over for faces too
 * large for it, and a level too big for one network pass is cut into tiles that overlap by more than
 * the largest face the next level would miss.
 */

export const detectorMinFacePx = 30;
export const detectorMaxFacePx = 520;
/** The coarsest level shows the whole image this small: no face in it can be too large to find. */
const coarsestShortSide = 320;
/** A 1080p frame's finest level (1800 x 1013) fits in one pass; a pass this big needs ~150 MB. */
export const maxTilePixels = 2_100_000;
export const maxTileEdge = 2048;
/** A face half-way between two levels must be in the comfortable range of at least one of them. */
const levelMargin = 1.5;
/**
 * Levels at most 3x apart: the next level takes over from faces of 30 x 1.5 x 3 = 135 network px,
 * so tiles need only that much overlap (a coarser next level would make them overlap far more,
 * costing more than the extra level, which has a ninth of the pixels).
 */
const maxLevelRatio = 3;

export interface ScanWindow {
  level: number;
  /** Network pixels per image pixel. */
  scale: number;
  /** The window in oriented image pixels. */
  x: number;
  y: number;
  w: number;
  h: number;
  /** The whole level's size in network pixels; the window is the part at (inputX, inputY). */
  levelWidth: number;
  levelHeight: number;
  inputX: number;
  inputY: number;
  inputWidth: number;
  inputHeight: number;
  /** Which window edges lie inside the image (a box touching one is a face cut by the tile). */
  innerEdges: { left: boolean; top: boolean; right: boolean; bottom: boolean };
}

export function levelSize(width: number, height: number, scale: number): { width: number; height: number } {
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

export function levelScales(width: number, height: number, minFacePx: number): number[] {
  const shortSide = Math.min(width, height);
  const scales = [Math.min(1, detectorMinFacePx / minFacePx)];
  const coarsest = Math.min(scales[0]!, coarsestShortSide / shortSide);
  // Each level finds faces up to detectorMaxFacePx / scale; once that spans the image, no level is missing.
  for (let s = scales[0]!; s * shortSide > detectorMaxFacePx && s > coarsest; ) {
    s = Math.max(s / maxLevelRatio, coarsest);
    scales.push(s);
  }
  return scales;
}

function splits(length: number, tiles: number, overlap: number): { start: number; size: number }[] {
  if (tiles === 1) return [{ start: 0, size: length }];
  const size = Math.ceil((length + (tiles - 1) * overlap) / tiles);
  const step = (length - size) / (tiles - 1);
  return Array.from({ length: tiles }, (_, i) => ({ start: Math.round(i * step), size }));
}

/**
 * The largest face (in the level's pixels) a level alone must find whole: from this size on the next
 * level finds it. Tiles overlap by this much, and a changed part of a frame is rescanned this far around.
 */
export function levelReachPx(scales: readonly number[], level: number): number {
  const next = scales[level + 1];
  const handOver = next === undefined ? detectorMaxFacePx : (detectorMinFacePx * levelMargin * scales[level]!) / next;
  return Math.min(Math.ceil(handOver), detectorMaxFacePx);
}

export function planScan(width: number, height: number, minFacePx: number): ScanWindow[] {
  const scales = levelScales(width, height, minFacePx);
  const windows: ScanWindow[] = [];
  scales.forEach((scale, level) => {
    const { width: sw, height: sh } = levelSize(width, height, scale);
    // Faces from this size on are found whole by the next level; tiles must overlap by at least that.
    const overlap = levelReachPx(scales, level);
    let nx = 1;
    let ny = 1;
    const tileW = () => (sw + (nx - 1) * overlap) / nx;
    const tileH = () => (sh + (ny - 1) * overlap) / ny;
    while (tileW() * tileH() > maxTilePixels || tileW() > maxTileEdge || tileH() > maxTileEdge) {
      if (tileW() >= tileH()) nx++;
      else ny++;
    }
    for (const row of splits(sh, ny, overlap)) {
      for (const col of splits(sw, nx, overlap)) {
        const x = col.start / scale;
        const y = row.start / scale;
        const w = Math.min(col.size / scale, width - x);
        const h = Math.min(row.size / scale, height - y);
        windows.push({
          level,
          scale,
          x,
          y,
          w,
          h,
          levelWidth: sw,
          levelHeight: sh,
          inputX: col.start,
          inputY: row.start,
          inputWidth: col.size,
          inputHeight: row.size,
          innerEdges: { left: col.start > 0, top: row.start > 0, right: col.start + col.size < sw, bottom: row.start + row.size < sh },
        });
      }
    }
  });
  return windows;
}

/** The parts of a level's windows inside the given rectangles (level pixels), each a window of its own. */
export function windowsWithin(windows: readonly ScanWindow[], rects: readonly Rect[]): ScanWindow[] {
  const parts: ScanWindow[] = [];
  for (const win of windows) {
    for (const r of rects) {
      const x0 = Math.max(win.inputX, Math.round(r.x));
      const y0 = Math.max(win.inputY, Math.round(r.y));
      const x1 = Math.min(win.inputX + win.inputWidth, Math.round(r.x + r.w));
      const y1 = Math.min(win.inputY + win.inputHeight, Math.round(r.y + r.h));
      if (x1 <= x0 || y1 <= y0) continue;
      const x = x0 / win.scale;
      const y = y0 / win.scale;
      parts.push({
        ...win,
        x,
        y,
        w: Math.min((x1 - x0) / win.scale, win.x + win.w - x),
        h: Math.min((y1 - y0) / win.scale, win.y + win.h - y),
        inputX: x0,
        inputY: y0,
        inputWidth: x1 - x0,
        inputHeight: y1 - y0,
        innerEdges: { left: x0 > 0, top: y0 > 0, right: x1 < win.levelWidth, bottom: y1 < win.levelHeight },
      });
    }
  }
  return parts;
}
