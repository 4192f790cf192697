import type { FaceInfo } from '../../../../shared/contract/faces';

/**
 * The order a reviewer steps through faces: a video by time; a photo row by row (a class photo has rows of
 * faces), left to right within a row. Faces whose centres lie within half a face height belong to one row.
 */
export function readingOrder(faces: readonly FaceInfo[]): FaceInfo[] {
  if (faces.some((f) => f.time !== null)) return [...faces].sort((a, b) => (a.time ?? 0) - (b.time ?? 0) || a.box.x - b.box.x);
  const byTop = [...faces].sort((a, b) => a.box.y + a.box.h / 2 - (b.box.y + b.box.h / 2));
  const rows: FaceInfo[][] = [];
  for (const face of byTop) {
    const row = rows[rows.length - 1];
    const first = row?.[0];
    const centre = (f: FaceInfo) => f.box.y + f.box.h / 2;
    if (row && first && Math.abs(centre(face) - centre(first)) < Math.max(first.box.h, face.box.h) / 2) row.push(face);
    else rows.push([face]);
  }
  return rows.flatMap((row) => row.sort((a, b) => a.box.x - b.box.x));
}
