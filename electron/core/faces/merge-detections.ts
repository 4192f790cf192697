import { area, containedIn, nonMaxSuppression, type ScoredRect } from './box-geometry';
import type { ScanWindow } from './scan-plan';

/** The network's own duplicate boxes for one face overlap heavily; faces side by side barely do. */
const windowIou = 0.45;
/** The same face found in two overlapping tiles or at two levels. */
const acrossIou = 0.35;
/**
 * A box mostly inside a bigger one and at least a third of its height is a part of that face (an
 * eye, a cut half), not a second face. Much smaller boxes inside a big one are faces behind a false
 * giant box and must stay: dropping them would hide real people.
 */
const partOfFace = 0.7;
const partMinHeight = 0.33;
/**
 * A face filling much of the picture is seen in fine detail and scores high (0.9 and up on the
 * fixtures); a big box with a middling score is a pattern (the CC0 cat scores 0.4–0.5 at the coarse
 * level), so boxes taller than this share of the image need `largeBoxMinScore`.
 */
const largeBoxShare = 0.45;
const largeBoxMinScore = 0.7;
/** Boxes this small in network pixels are texture, not faces, at any level. */
const minInputPx = 12;
/** A box this close to a tile edge that lies inside the image was cut by the tile. */
const edgeTolerancePx = 2;

export interface WindowDetections {
  window: ScanWindow;
  /** Raw boxes in the window's network pixels. */
  boxes: ScoredRect[];
}

function touchesInnerEdge(b: ScoredRect, win: ScanWindow): boolean {
  const e = win.innerEdges;
  return (
    (e.left && b.x <= edgeTolerancePx) ||
    (e.top && b.y <= edgeTolerancePx) ||
    (e.right && b.x + b.w >= win.inputWidth - edgeTolerancePx) ||
    (e.bottom && b.y + b.h >= win.inputHeight - edgeTolerancePx)
  );
}

/**
 * Turns the boxes of every window of a scan into one list of faces, in fractions of the image.
 * Tiles overlap by more than the largest face their level alone must find, so a face cut by a tile
 * edge is whole in a neighbouring tile (or at the next level) and the cut copy can simply go.
 */
export function mergeDetections(results: readonly WindowDetections[], width: number, height: number, minScore: number): ScoredRect[] {
  const candidates: ScoredRect[] = [];
  for (const { window: win, boxes } of results) {
    const kept = nonMaxSuppression(
      boxes.filter((b) => b.score >= minScore && b.h >= minInputPx && b.w >= minInputPx * 0.5),
      windowIou,
    );
    for (const b of kept) {
      if (touchesInnerEdge(b, win)) continue;
      candidates.push({
        x: (win.inputX + b.x) / win.scale,
        y: (win.inputY + b.y) / win.scale,
        w: b.w / win.scale,
        h: b.h / win.scale,
        score: b.score,
      });
    }
  }
  const plausible = candidates.filter((b) => b.h <= height * largeBoxShare || b.score >= largeBoxMinScore);
  const merged = nonMaxSuppression(plausible, acrossIou);
  // A much surer small box inside a doubtful big one is the face; the big box is the doubtful part.
  const isPartOf = (small: ScoredRect, big: ScoredRect) =>
    big !== small &&
    area(big) > area(small) &&
    small.h >= big.h * partMinHeight &&
    big.score >= small.score * 0.75 &&
    containedIn(small, big) >= partOfFace;
  const faces = merged.filter((small) => !merged.some((big) => isPartOf(small, big)));
  return faces.map((b) => ({ x: b.x / width, y: b.y / height, w: b.w / width, h: b.h / height, score: b.score }));
}
