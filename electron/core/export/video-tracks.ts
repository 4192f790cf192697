import type { FaceBox } from '../../../shared/types';

/** One sampled box of a face that must be redacted, at a time in seconds. */
export interface TrackSample {
  time: number;
  box: FaceBox;
}

/** The boxes of one face over time, sorted by time. */
export type RedactionTrack = TrackSample[];

/** Video faces to redact → one track per face track (a face without a track is a track of one sample). */
export function tracksOf(faces: readonly { id: number; trackId: number | null; time: number | null; box: FaceBox }[]): RedactionTrack[] {
  const byTrack = new Map<string, TrackSample[]>();
  for (const f of faces) {
    const key = f.trackId === null ? `f${f.id}` : `t${f.trackId}`;
    const samples = byTrack.get(key) ?? [];
    samples.push({ time: f.time ?? 0, box: f.box });
    byTrack.set(key, samples);
  }
  return [...byTrack.values()].map((s) => s.sort((a, b) => a.time - b.time));
}

export interface Extension {
  /** Seconds a track is held before its first and after its last sample. */
  before: number;
  after: number;
}

/**
 * How long to keep redacting past a track's ends: the track's usual gap between samples plus a few
 * frames. The sample before the first one that found the face (and the one after the last) did not
 * find it, but the face may have been there until just before it: only the next sample proves it gone.
 */
export function extensionOf(track: RedactionTrack, fps: number, extraFrames = 5): Extension {
  const gaps = track.slice(1).map((s, i) => s.time - track[i]!.time).sort((a, b) => a - b);
  const median = gaps.length > 0 ? gaps[Math.floor(gaps.length / 2)]! : 0.5;
  const seconds = Math.min(maxExtensionS, median + extraFrames / fps);
  return { before: seconds, after: seconds };
}

/** Detection samples a video at least twice a second (faces settings), so a longer gap is a scene without the face. */
const maxExtensionS = 1.5;

const lerp = (a: number, b: number, f: number) => a + (b - a) * f;

/** Per second, how far the box moved between two samples (in fractions of the frame). */
function speed(a: TrackSample, b: TrackSample): { x: number; y: number } {
  const dt = Math.max(1e-3, b.time - a.time);
  return {
    x: Math.max(Math.abs(b.box.x - a.box.x), Math.abs(b.box.x + b.box.w - a.box.x - a.box.w)) / dt,
    y: Math.max(Math.abs(b.box.y - a.box.y), Math.abs(b.box.y + b.box.h - a.box.y - a.box.h)) / dt,
  };
}

function grow(box: FaceBox, dx: number, dy: number): FaceBox {
  return { x: box.x - dx, y: box.y - dy, w: box.w + 2 * dx, h: box.h + 2 * dy };
}

/**
 * The box of a track at time `t`, or null when the track is not on screen then. Between samples the box
 * moves linearly; before the first and after the last sample it is held and grown by the distance
 * the face was moving at, so a face still moving off its last known place stays covered.
 */
export function boxAt(track: RedactionTrack, t: number, ext: Extension): FaceBox | null {
  const first = track[0];
  const last = track[track.length - 1];
  if (!first || !last) return null;
  if (t < first.time - ext.before || t > last.time + ext.after) return null;
  if (t <= first.time) {
    const v = track[1] ? speed(first, track[1]) : { x: 0, y: 0 };
    const dt = first.time - t;
    return grow(first.box, v.x * dt, v.y * dt);
  }
  if (t >= last.time) {
    const before = track[track.length - 2];
    const v = before ? speed(before, last) : { x: 0, y: 0 };
    const dt = t - last.time;
    return grow(last.box, v.x * dt, v.y * dt);
  }
  let i = 1;
  while (track[i]!.time < t) i++;
  const a = track[i - 1]!;
  const b = track[i]!;
  const f = (t - a.time) / Math.max(1e-9, b.time - a.time);
  return {
    x: lerp(a.box.x, b.box.x, f),
    y: lerp(a.box.y, b.box.y, f),
    w: lerp(a.box.w, b.box.w, f),
    h: lerp(a.box.h, b.box.h, f),
  };
}

/**
 * A video face's boxes over time. A face without a track (a box someone drew on one frame) says nothing
 * about when the person comes and goes, so its box is covered for the whole video.
 */
export function trackOfFace(face: { box: FaceBox; samples: RedactionTrack | null }, durationS: number): RedactionTrack {
  if (face.samples && face.samples.length > 0) return face.samples;
  return [
    { time: 0, box: face.box },
    { time: durationS, box: face.box },
  ];
}
