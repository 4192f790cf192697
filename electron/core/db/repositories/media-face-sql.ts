import type { MediaFaceSummary } from '../../../../shared/contract/faces';
import type { MediaFaceState } from '../../../../shared/contract/media';

/**
 * The grid's face conditions and columns, in step with mediaFaceSummary (faces/tagging-service.ts): a
 * media item counts as scanned once a detection run finished without error, and its faces are open while
 * unreviewed or only suggested. Conditions are `+id IN (subquery)`: SQLite builds each subquery's set once
 * and checks rows against it while it walks a media_grid_* index in sort order. Without the `+` it may
 * look the set's ids up one by one and sort them all for every page (a temporary b-tree). At 100,000
 * media and 200,000 faces (`npm run bench -- load`) a face filter answers in 35–40 ms, the deep page of
 * "all resolved" in about 100 ms: no new index or stored face state was worth a migration.
 */
const scanned = '+id IN (SELECT media_id FROM face_detections WHERE error IS NULL)';
const withFaces = '+id IN (SELECT media_id FROM faces)';
const withOpenFaces = `+id IN (SELECT media_id FROM faces WHERE state IN ('unreviewed', 'suggested'))`;

export const faceStateCondition: Record<MediaFaceState, string> = {
  not_scanned: `NOT ${scanned}`,
  to_review: `${scanned} AND ${withOpenFaces}`,
  resolved: `${scanned} AND ${withFaces} AND NOT ${withOpenFaces}`,
  no_faces: `${scanned} AND NOT ${withFaces}`,
};

/** Per tile of a page (at most a few hundred rows), looked up through faces_media and face_detections' key. */
export const faceSummaryColumns = `(SELECT error IS NULL FROM face_detections WHERE media_id = media.id) AS faceScanned,
  (SELECT COUNT(*) FROM faces WHERE media_id = media.id) AS faceTotal,
  (SELECT COUNT(*) FROM faces WHERE media_id = media.id AND state IN ('unreviewed', 'suggested')) AS faceOpen`;

export interface FaceSummaryRow {
  faceScanned: number | null;
  faceTotal: number;
  faceOpen: number;
}

export function toFaceSummary(r: FaceSummaryRow): MediaFaceSummary {
  const state = r.faceScanned !== 1 ? 'not_detected' : r.faceOpen > 0 ? 'unresolved' : 'resolved';
  return { state, total: r.faceTotal, unresolved: r.faceOpen };
}
