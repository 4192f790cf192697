import type { TrackPoint } from '../../../../shared/contract/faces';
import type { FaceBox } from '../../../../shared/types';

/** How far from a sampled time a box still shows: about one sampling step at 2–4 frames a second. */
const reach = 0.35;
/** A box drawn by hand on a paused video has one time; it shows a little longer so it can be found again. */
const singleReach = 0.75;
/** Between two samples further apart than this the face was not seen (turned away, hidden). */
const maxGap = 1.5;

/** Where a face's box is at time `t` of the video, moving smoothly between samples; null while it is not seen. */
export function boxAt(points: readonly TrackPoint[], t: number): FaceBox | null {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return null;
  const near = points.length === 1 ? singleReach : reach;
  if (t < first.time - near || t > last.time + near) return null;
  if (t <= first.time) return first.box;
  if (t >= last.time) return last.box;
  const after = points.findIndex((p) => p.time >= t);
  const b = points[after]!;
  const a = points[after - 1]!;
  if (b.time - a.time > maxGap) return t - a.time <= reach ? a.box : b.time - t <= reach ? b.box : null;
  const k = (t - a.time) / (b.time - a.time || 1);
  const mix = (p: number, q: number) => p + (q - p) * k;
  return { x: mix(a.box.x, b.box.x), y: mix(a.box.y, b.box.y), w: mix(a.box.w, b.box.w), h: mix(a.box.h, b.box.h) };
}
