import type { RedactionStyle } from '../../../shared/contract/export';
import { cellsAcross } from './obscure-region';
import type { MaskPlan } from './video-mask';

export interface FilterPlan {
  /** Output size in pixels (even, as H.264 in 4:2:0 needs). */
  width: number;
  height: number;
  style: RedactionStyle;
  durationS: number;
  /** Null when nothing in the video is redacted. */
  mask: Pick<MaskPlan, 'largestRegion'> | null;
}

/**
 * The filter graph that redacts a video. A copy of each frame is shrunk so the largest region keeps
 * only `cellsAcross` cells (the detail is discarded, as in photos) and enlarged again, blurred or as
 * blocks; the mask (input 1, one raw frame per frame of the video, written by ClearFrame from the
 * interpolated face tracks) lets that copy through only where faces are. The mask comes as a stream
 * rather than as per-frame commands to ffmpeg filters, which older ffmpeg builds silently ignore.
 */
export function redactionFilter(plan: FilterPlan): string {
  const { width: W, height: H } = plan;
  const head = `[0:v]scale=${W}:${H},setsar=1,format=yuv420p`;
  if (!plan.mask) return `${head}[v]`;
  const cell = Math.max(2, Math.ceil(plan.mask.largestRegion / cellsAcross));
  const small = `${Math.max(2, Math.round(W / cell))}:${Math.max(2, Math.round(H / cell))}`;
  const enlarge = plan.style === 'pixelate' ? `scale=${W}:${H}:flags=neighbor` : `gblur=sigma=0.8,scale=${W}:${H}:flags=bicubic`;
  return [
    `${head},split=2[base][toblur]`,
    `[toblur]scale=${small}:flags=area,${enlarge}[blurred]`,
    `[1:v]scale=${W}:${H}:flags=neighbor,format=yuv420p[mask]`,
    // The mask runs past the end (it must never end first: its last frame would be repeated); cut it back.
    `[base][blurred][mask]maskedmerge,trim=end=${plan.durationS.toFixed(3)}[v]`,
  ].join(';\n');
}

/** The output size for a frame of `width` x `height` whose longest side may be at most `maxEdge`. */
export function outputSize(width: number, height: number, maxEdge: number): { width: number; height: number } {
  const scale = Math.min(1, maxEdge / Math.max(width, height));
  const even = (n: number) => Math.max(2, 2 * Math.round((n * scale) / 2));
  return { width: even(width), height: even(height) };
}
