import { redactionBox } from '../../../shared/domain/decision-face-box';
import type { RedactionStyle } from '../../../shared/contract/export';
import { cellsAcross } from './obscure-region';
import { pixelRect, type PixelRect } from './pixel-rect';
import { boxAt, extensionOf, type Extension, type RedactionTrack } from './video-tracks';

export interface VideoRedactionPlan {
  /** Output size in pixels (even, as H.264 in 4:2:0 needs). */
  width: number;
  height: number;
  fps: number;
  durationS: number;
  /** The faces to redact; boxes are fractions of the upright frame, not yet grown by the margin. */
  tracks: readonly RedactionTrack[];
  margin: number;
  style: RedactionStyle;
}

interface SlotTrack {
  track: RedactionTrack;
  ext: Extension;
  start: number;
  end: number;
}

/** Tracks that are never on screen at the same time share one drawbox, so the graph stays small. */
function assignSlots(tracks: readonly RedactionTrack[], fps: number): SlotTrack[][] {
  const items = tracks
    .filter((t) => t.length > 0)
    .map((track) => {
      const ext = extensionOf(track, fps);
      return { track, ext, start: track[0]!.time - ext.before, end: track[track.length - 1]!.time + ext.after };
    })
    .sort((a, b) => a.start - b.start);
  const slots: SlotTrack[][] = [];
  for (const item of items) {
    const free = slots.find((s) => s[s.length - 1]!.end + 2 / fps < item.start);
    if (free) free.push(item);
    else slots.push([item]);
  }
  return slots;
}

const hidden: PixelRect = { left: -4, top: -4, width: 2, height: 2 };
const same = (a: PixelRect, b: PixelRect) => a.left === b.left && a.top === b.top && a.width === b.width && a.height === b.height;

/**
 * The filter graph that redacts a video: a copy of each frame is shrunk so the largest redaction
 * region keeps only `cellsAcross` cells (the detail is discarded, as in photos) and enlarged again,
 * blurred or as blocks; a mask with one filled box per face on screen lets that copy through only where
 * faces are. The boxes move every frame: `sendcmd` sets each box's place and size at each frame's time
 * from the interpolated tracks, so no frame between two detector samples is left uncovered.
 *
 * The mask is a YUV frame (maskedmerge takes each plane's mask from the same plane, and is about twice
 * as fast as merging an alpha channel): drawbox paints in YUV, and magenta is a colour whose Y, U and V
 * all stand well above the zeroed background, so one threshold per plane makes every plane 255 inside
 * the boxes and 0 outside.
 */
export function redactionFilter(plan: VideoRedactionPlan): string {
  const { width: W, height: H, fps } = plan;
  const head = `[0:v]scale=${W}:${H},setsar=1,format=yuv420p`;
  const slots = assignSlots(plan.tracks, fps);
  if (slots.length === 0) return `${head}[v]`;

  const frames = Math.ceil(plan.durationS * fps) + 1;
  const commands: string[] = [];
  const shown: PixelRect[] = slots.map(() => hidden);
  let largest = 1;
  for (let k = 0; k < frames; k++) {
    const t = k / fps;
    const changes: string[] = [];
    slots.forEach((slot, i) => {
      const active = slot.find((s) => t >= s.start && t <= s.end);
      const box = active ? boxAt(active.track, t, active.ext) : null;
      const rect = box ? pixelRect(redactionBox(box, plan.margin), W, H) : hidden;
      if (box) largest = Math.max(largest, rect.width, rect.height);
      if (same(rect, shown[i]!)) return;
      shown[i] = rect;
      const target = `drawbox@s${i}`;
      changes.push(`${target} x ${rect.left}, ${target} y ${rect.top}, ${target} w ${rect.width}, ${target} h ${rect.height}`);
    });
    // Half a frame early, so a command lands on its frame however the frame's timestamp is rounded.
    if (changes.length > 0) commands.push(`${(k === 0 ? 0 : (k - 0.5) / fps).toFixed(4)} ${changes.join(', ')};`);
  }

  const cell = Math.max(2, Math.ceil(largest / cellsAcross));
  const small = `${Math.max(2, Math.round(W / cell))}:${Math.max(2, Math.round(H / cell))}`;
  const enlarge = plan.style === 'pixelate' ? `scale=${W}:${H}:flags=neighbor` : `gblur=sigma=0.8,scale=${W}:${H}:flags=bicubic`;
  const boxes = slots.map((_, i) => `drawbox@s${i}=x=${hidden.left}:y=${hidden.top}:w=${hidden.width}:h=${hidden.height}:color=0xFF00FF:t=fill`);
  const threshold = "lutyuv=y='if(gt(val,50),255,0)':u='if(gt(val,100),255,0)':v='if(gt(val,100),255,0)'";
  return [
    `${head},split=3[base][toblur][tomask]`,
    `[toblur]scale=${small}:flags=area,${enlarge}[blurred]`,
    `[tomask]lutyuv=y=0:u=0:v=0,sendcmd=c='${commands.join('\n')}',${boxes.join(',')},${threshold}[mask]`,
    '[base][blurred][mask]maskedmerge[v]',
  ].join(';\n');
}

/** The output size for a frame of `width` x `height` whose longest side may be at most `maxEdge`. */
export function outputSize(width: number, height: number, maxEdge: number): { width: number; height: number } {
  const scale = Math.min(1, maxEdge / Math.max(width, height));
  const even = (n: number) => Math.max(2, 2 * Math.round((n * scale) / 2));
  return { width: even(width), height: even(height) };
}
