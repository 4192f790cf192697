import { centreDistance, iou, type ScoredRect } from './box-geometry';

export interface FrameDetections {
  time: number;
  /** A scene cut just before this frame: nothing continues across it. */
  cut: boolean;
  /** Boxes in pixels (x and y in the same unit, so distances mean something). */
  faces: ScoredRect[];
}

export interface TrackSample {
  time: number;
  box: ScoredRect;
}

/** A track ends when its face is not seen for this long (a head turned away, someone walking past). */
const maxGapS = 1.6;
/** How far a face may move between samples, in face heights: a little at once, more over time. */
const baseShift = 0.6;
const shiftPerSecond = 1.5;
const maxSizeRatio = 1.6;

interface Active {
  samples: TrackSample[];
}

function cost(last: TrackSample, box: ScoredRect, time: number): number | null {
  const dt = time - last.time;
  if (dt > maxGapS) return null;
  const ratio = box.h / last.box.h;
  if (ratio > maxSizeRatio || ratio < 1 / maxSizeRatio) return null;
  const shift = centreDistance(box, last.box) / Math.max(box.h, last.box.h);
  if (shift > baseShift + shiftPerSecond * dt) return null;
  return shift + (1 - iou(box, last.box));
}

/**
 * Links the faces of sampled frames into tracks, so a reviewer decides once per person per shot:
 * each frame's boxes are matched greedily (cheapest first) to the tracks seen recently, by centre
 * distance relative to face size and box overlap; the rest start new tracks.
 */
export function linkTracks(frames: readonly FrameDetections[]): TrackSample[][] {
  const done: TrackSample[][] = [];
  let active: Active[] = [];
  for (const frame of [...frames].sort((a, b) => a.time - b.time)) {
    if (frame.cut) {
      done.push(...active.map((a) => a.samples));
      active = [];
    }
    const stillOpen = active.filter((a) => frame.time - a.samples[a.samples.length - 1]!.time <= maxGapS);
    done.push(...active.filter((a) => !stillOpen.includes(a)).map((a) => a.samples));
    active = stillOpen;
    const pairs: { track: Active; face: number; cost: number }[] = [];
    for (const track of active) {
      const last = track.samples[track.samples.length - 1]!;
      frame.faces.forEach((box, face) => {
        const c = cost(last, box, frame.time);
        if (c !== null) pairs.push({ track, face, cost: c });
      });
    }
    pairs.sort((a, b) => a.cost - b.cost);
    const usedTracks = new Set<Active>();
    const usedFaces = new Set<number>();
    for (const p of pairs) {
      if (usedTracks.has(p.track) || usedFaces.has(p.face)) continue;
      usedTracks.add(p.track);
      usedFaces.add(p.face);
      p.track.samples.push({ time: frame.time, box: frame.faces[p.face]! });
    }
    frame.faces.forEach((box, face) => {
      if (!usedFaces.has(face)) active.push({ samples: [{ time: frame.time, box }] });
    });
  }
  done.push(...active.map((a) => a.samples));
  return done.sort((a, b) => a[0]!.time - b[0]!.time);
}
