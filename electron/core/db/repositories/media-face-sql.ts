import type { MediaFaceSummary } from '../../../../shared/contract/faces';

/** A tile's face summary, from the counts migration 012's triggers keep on each media row. */
export const faceSummaryColumns = 'face_scanned AS faceScanned, face_total AS faceTotal, face_open AS faceOpen';

export interface FaceSummaryRow {
  faceScanned: number;
  faceTotal: number;
  faceOpen: number;
}

export function toFaceSummary(r: FaceSummaryRow): MediaFaceSummary {
  const state = r.faceScanned !== 1 ? 'not_detected' : r.faceOpen > 0 ? 'unresolved' : 'resolved';
  return { state, total: r.faceTotal, unresolved: r.faceOpen };
}
