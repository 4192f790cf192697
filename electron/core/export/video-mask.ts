import { redactionBox } from '../../../shared/domain/decision-face-box';
import type { FaceBox } from '../../../shared/types';
import { pixelRect } from './pixel-rect';
import { boxAt, extensionOf, type Extension, type RedactionTrack } from './video-tracks';

/** The mask is drawn at most this wide: fine enough to follow a face, small enough to pipe 30 frames a second. */
const maxMaskWidth = 640;

export interface MaskPlan {
  /** The mask's size: the output size divided by `factor`, rounded up to whole chroma pixels. */
  width: number;
  height: number;
  factor: number;
  fps: number;
  /** Frames to write: the whole video at `fps`, and a second more so the mask never ends first. */
  frames: number;
  /** Longest side, in output pixels, of the largest region the video redacts. */
  largestRegion: number;
  /** The regions (fractions of the frame, grown by the margin) to redact in frame k. */
  regionsAt(k: number): FaceBox[];
}

function union(a: FaceBox, b: FaceBox): FaceBox {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
}

/**
 * Where to redact in every frame of a video. Mask frame k stands for every picture shown from k/fps
 * until the next one (a variable-rate video's frames fall anywhere in between), so it covers the box
 * at both ends of that interval: for a box moving in a straight line, everywhere in between.
 */
export function planMask(o: { width: number; height: number; fps: number; durationS: number; tracks: readonly RedactionTrack[]; margin: number }): MaskPlan {
  const factor = Math.max(1, Math.ceil(o.width / maxMaskWidth));
  const even = (n: number) => 2 * Math.ceil(n / 2);
  const tracks: { track: RedactionTrack; ext: Extension }[] = o.tracks.filter((t) => t.length > 0).map((track) => ({ track, ext: extensionOf(track, o.fps) }));
  const regionsAt = (k: number): FaceBox[] =>
    tracks.flatMap(({ track, ext }) => {
      const from = boxAt(track, k / o.fps, ext);
      const to = boxAt(track, (k + 1) / o.fps, ext);
      const box = from && to ? union(from, to) : (from ?? to);
      return box ? [redactionBox(box, o.margin)] : [];
    });
  const frames = Math.ceil(o.durationS * o.fps) + Math.ceil(o.fps);
  let largestRegion = 1;
  for (let k = 0; k < frames; k++) {
    for (const r of regionsAt(k)) largestRegion = Math.max(largestRegion, r.w * o.width, r.h * o.height);
  }
  return { width: even(o.width / factor), height: even(o.height / factor), factor, fps: o.fps, frames, largestRegion, regionsAt };
}

/**
 * One mask frame as raw YUV 4:2:0: 255 in all three planes inside the regions, 0 elsewhere, so a
 * maskedmerge takes the redacted picture there and the original everywhere else. Regions are rounded
 * outwards to whole mask (and chroma) pixels.
 */
export function maskFrame(plan: MaskPlan, regions: readonly FaceBox[], into: Buffer): Buffer {
  const { width: w, height: h } = plan;
  const cw = w / 2;
  const ch = h / 2;
  into.fill(0);
  for (const region of regions) {
    const r = pixelRect(region, cw, ch);
    for (let y = r.top; y < r.top + r.height; y++) {
      into.fill(255, (2 * y) * w + 2 * r.left, (2 * y) * w + 2 * (r.left + r.width));
      into.fill(255, (2 * y + 1) * w + 2 * r.left, (2 * y + 1) * w + 2 * (r.left + r.width));
      into.fill(255, w * h + y * cw + r.left, w * h + y * cw + r.left + r.width);
      into.fill(255, w * h + cw * ch + y * cw + r.left, w * h + cw * ch + y * cw + r.left + r.width);
    }
  }
  return into;
}

export const maskFrameBytes = (plan: MaskPlan) => (plan.width * plan.height * 3) / 2;
