import type { ScoredRect } from './box-geometry';
import { loadDetector } from './face-model';
import { mergeDetections, type WindowDetections } from './merge-detections';
import { cropRgb, type UprightImage } from './photo-pixels';
import { planScan, type ScanWindow } from './scan-plan';
import { secondLook, type LevelPixels } from './second-look';
import { detectRaw } from './ssd-network';

export interface ScanOptions {
  /** The smallest face (in image pixels, tall) the scan must find. */
  minFacePx: number;
  minScore: number;
}

/**
 * Detects every face in an upright photo or frame; boxes are fractions of the image. The pyramid
 * levels are scanned tile by tile, the boxes merged, and doubtful ones given a second look at the
 * finest level's pixels.
 */
export async function scanImage(photo: UprightImage, options: ScanOptions, signal?: AbortSignal): Promise<ScoredRect[]> {
  const net = await loadDetector();
  const windows = planScan(photo.width, photo.height, options.minFacePx);
  const levels = new Map<number, ScanWindow[]>();
  for (const w of windows) levels.set(w.level, [...(levels.get(w.level) ?? []), w]);
  const results: WindowDetections[] = [];
  let finest: LevelPixels | undefined;
  for (const levelWindows of levels.values()) {
    const first = levelWindows[0]!;
    const rgb = await photo.resized(first.levelWidth, first.levelHeight);
    finest ??= { rgb, width: first.levelWidth, height: first.levelHeight, scale: first.scale };
    for (const win of levelWindows) {
      signal?.throwIfAborted();
      const tile = cropRgb(rgb, win.levelWidth, win.inputX, win.inputY, win.inputWidth, win.inputHeight);
      // A low floor here; the real threshold is applied once boxes are merged.
      results.push({ window: win, boxes: detectRaw(net, tile, win.inputWidth, win.inputHeight, Math.min(0.1, options.minScore)) });
    }
  }
  const candidates = mergeDetections(results, photo.width, photo.height, options.minScore);
  return finest ? secondLook(net, finest, candidates, photo.width, photo.height) : candidates;
}
