import type { ScoredRect } from './box-geometry';
import { allMarked, cellPx, changedCells, coveringRects, grow, touchesMarked } from './changed-regions';
import { loadDetector } from './face-model';
import { mergeDetections, type WindowDetections } from './merge-detections';
import { cropRgb, type UprightImage } from './photo-pixels';
import { levelReachPx, planScan, windowsWithin, type ScanWindow } from './scan-plan';
import { secondLook, type LevelPixels } from './second-look';
import { detectRaw, type NetWeights } from './ssd-network';

export interface ScanOptions {
  /** The smallest face (in image pixels, tall) the scan must find. */
  minFacePx: number;
  minScore: number;
}

/**
 * What the scan of the previous frame of a video saw at the finest level: its pixels (kept up to
 * date where it looked again) and its raw boxes. Starts empty; `scanImage` fills it in.
 */
export interface FrameMemory {
  last?: { width: number; height: number; pixels: Buffer; boxes: WindowDetections[] };
}

/**
 * Detects every face in an upright photo or frame; boxes are fractions of the image. The pyramid
 * levels are scanned tile by tile, the boxes merged, and doubtful ones given a second look at the
 * finest level's pixels. With a frame memory (video), the finest level, which costs about nine
 * tenths of the work, is scanned again only where the frame changed; elsewhere its boxes are kept.
 */
export async function scanImage(photo: UprightImage, options: ScanOptions, signal?: AbortSignal, memory?: FrameMemory): Promise<ScoredRect[]> {
  const net = await loadDetector();
  const windows = planScan(photo.width, photo.height, options.minFacePx);
  const levels = new Map<number, ScanWindow[]>();
  for (const w of windows) levels.set(w.level, [...(levels.get(w.level) ?? []), w]);
  const scales = [...levels.values()].map((l) => l[0]!.scale);
  const floor = Math.min(0.1, options.minScore);
  const results: WindowDetections[] = [];
  let finest: LevelPixels | undefined;
  for (const [level, levelWindows] of levels) {
    const first = levelWindows[0]!;
    const rgb = await photo.resized(first.levelWidth, first.levelHeight);
    const scan = (wins: ScanWindow[]) => wins.map((win) => detectWindow(net, rgb, win, floor, signal));
    if (finest === undefined) {
      finest = { rgb, width: first.levelWidth, height: first.levelHeight, scale: first.scale };
      results.push(...(memory ? scanChanged(memory, finest, levelWindows, levelReachPx(scales, level), scan) : scan(levelWindows)));
    } else {
      results.push(...scan(levelWindows));
    }
  }
  const candidates = mergeDetections(results, photo.width, photo.height, options.minScore);
  return finest ? secondLook(net, finest, candidates, photo.width, photo.height) : candidates;
}

function detectWindow(net: NetWeights, rgb: Buffer, win: ScanWindow, minScore: number, signal?: AbortSignal): WindowDetections {
  signal?.throwIfAborted();
  const tile = cropRgb(rgb, win.levelWidth, win.inputX, win.inputY, win.inputWidth, win.inputHeight);
  // A low floor here; the real threshold is applied once boxes are merged.
  return { window: win, boxes: detectRaw(net, tile, win.inputWidth, win.inputHeight, minScore) };
}

/**
 * The finest level of a video frame: scanned again where it changed since it was last scanned, grown
 * by the largest face this level must find whole (plus a cell of surroundings), so every face that
 * moved is whole inside a rescanned part. Boxes of the last scan stay where nothing they cover changed
 * and the rescan does not cover them already. The kept pixels are updated only where scanned, so slow
 * change adds up until it counts.
 */
function scanChanged(
  memory: FrameMemory,
  level: LevelPixels,
  tiles: ScanWindow[],
  reachPx: number,
  scan: (wins: ScanWindow[]) => WindowDetections[],
): WindowDetections[] {
  const last = memory.last;
  if (!last || last.width !== level.width || last.height !== level.height) {
    const fresh = scan(tiles);
    memory.last = { width: level.width, height: level.height, pixels: Buffer.from(level.rgb), boxes: fresh };
    return fresh;
  }
  const changed = changedCells(level.rgb, last.pixels, level.width, level.height);
  const rescan = grow(changed, Math.ceil(reachPx / cellPx) + 1);
  const rects = coveringRects(rescan, level.width, level.height);
  const fresh = scan(windowsWithin(tiles, rects));
  const stale = grow(changed, 1);
  const kept = last.boxes
    .map(({ window: win, boxes }) => ({
      window: win,
      boxes: boxes.filter((b) => {
        const inLevel = { x: win.inputX + b.x, y: win.inputY + b.y, w: b.w, h: b.h };
        return !touchesMarked(stale, inLevel) && !allMarked(rescan, inLevel);
      }),
    }))
    .filter((r) => r.boxes.length > 0);
  for (const r of rects) {
    for (let y = r.y; y < r.y + r.h; y++) {
      const from = (y * level.width + r.x) * 3;
      level.rgb.copy(last.pixels, from, from, from + r.w * 3);
    }
  }
  last.boxes = [...kept, ...fresh];
  return last.boxes;
}
