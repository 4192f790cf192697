import type { EmbeddedRegion } from '../media/embedded-regions';
import { clampUnit, iou, type Rect } from './box-geometry';
import { uprightBox } from './upright-box';

export interface ImportedFace {
  box: Rect;
  name: string | null;
}

/** The share of overlap from which an embedded region and a detected face are the same face. */
export const sameFaceIou = 0.5;

/**
 * Face regions another program wrote into the file (MWG "Face" regions, IPTC regions naming a
 * person), as boxes of the upright image. The import stores them as read from the file.
 */
export function importedFaces(embedded: Record<string, unknown>, orientation: number | null): ImportedFace[] {
  const regions = Array.isArray(embedded.regions) ? (embedded.regions as EmbeddedRegion[]) : [];
  return regions
    .filter((r) => (r.source === 'mwg' && (r.type === null || r.type.toLowerCase() === 'face')) || (r.source === 'iptc' && r.person !== null))
    .filter((r) => r.w > 0 && r.h > 0)
    .map((r) => ({ box: clampUnit(uprightBox(r, orientation)), name: r.person ?? r.name }));
}

/**
 * Pairs each imported region with the detected face it overlaps most (IoU ≥ 0.5), each detected
 * face at most once. Regions without a partner become faces of their own.
 */
export function matchImported<T extends Rect>(detected: readonly T[], imported: readonly ImportedFace[]): { merged: Map<number, ImportedFace>; alone: ImportedFace[] } {
  const merged = new Map<number, ImportedFace>();
  const alone: ImportedFace[] = [];
  for (const region of imported) {
    let best = -1;
    let bestIou = sameFaceIou;
    detected.forEach((d, i) => {
      const overlap = iou(d, region.box);
      if (!merged.has(i) && overlap >= bestIou) {
        best = i;
        bestIou = overlap;
      }
    });
    if (best >= 0) merged.set(best, region);
    else alone.push(region);
  }
  return { merged, alone };
}
