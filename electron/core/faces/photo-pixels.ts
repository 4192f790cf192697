import sharp, { type Sharp } from 'sharp';
import { ClearFrameError } from '../../../shared/result';
import { heicToSharp } from '../media/heic-pixels';
import { importLimits } from '../media/limits';
import type { Rect } from './box-geometry';

export interface RgbImage {
  rgb: Buffer;
  width: number;
  height: number;
}

/** A photo or video frame, upright (orientation applied), as the detector reads it. */
export interface UprightImage {
  width: number;
  height: number;
  /** The whole image resized to exactly width x height pixels of packed RGB. */
  resized(width: number, height: number): Promise<Buffer>;
  /** A part of the image at full resolution; the rectangle is in pixels and must lie inside. */
  region(r: Rect): Promise<RgbImage>;
}

const isHeic = (ext: string) => ext === 'heic' || ext === 'heif';

function fromSharp(base: Sharp, width: number, height: number): UprightImage {
  return {
    width,
    height,
    resized: (w, h) => base.clone().resize(w, h, { fit: 'fill' }).removeAlpha().raw().toBuffer(),
    region: async (r) => {
      const { data, info } = await base
        .clone()
        .extract({ left: Math.round(r.x), top: Math.round(r.y), width: Math.max(1, Math.round(r.w)), height: Math.max(1, Math.round(r.h)) })
        .removeAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      return { rgb: data, width: info.width, height: info.height };
    },
  };
}

/** Opens a library photo upright; decoding problems become one clear error for that media item. */
export async function openPhoto(path: string, ext: string): Promise<UprightImage> {
  try {
    // libheif applies the file's rotation itself; for everything else sharp's rotate() reads EXIF.
    const base = isHeic(ext) ? await heicToSharp(path) : sharp(path, { limitInputPixels: importLimits.pixels, failOn: 'error' }).rotate();
    const meta = await base.metadata();
    const size = isHeic(ext) ? { width: meta.width, height: meta.height } : (meta.autoOrient ?? meta);
    if (!size.width || !size.height) throw new Error('the image has no size');
    return fromSharp(base, size.width, size.height);
  } catch (err) {
    if (err instanceof ClearFrameError) throw err;
    throw new ClearFrameError('invalid_input', `The photo could not be decoded for face detection (${(err as Error).message.trim()}).`);
  }
}

/**
 * A decoded video frame of `frameWidth` x `frameHeight` that stands for a picture of
 * `width` x `height` (the video's size): asking for the decoded size returns the pixels as they are.
 */
export function openFrame(frame: RgbImage, width: number, height: number): UprightImage {
  const base = sharp(frame.rgb, { raw: { width: frame.width, height: frame.height, channels: 3 } });
  const sx = frame.width / width;
  const sy = frame.height / height;
  return {
    width,
    height,
    resized: async (w, h) => (w === frame.width && h === frame.height ? frame.rgb : base.clone().resize(w, h, { fit: 'fill' }).raw().toBuffer()),
    region: (r) => fromSharp(base, frame.width, frame.height).region({ x: r.x * sx, y: r.y * sy, w: r.w * sx, h: r.h * sy }),
  };
}

/** Copies a rectangle out of a packed RGB buffer (a tile of a pyramid level). */
export function cropRgb(rgb: Buffer, width: number, x: number, y: number, w: number, h: number): Uint8Array {
  if (x === 0 && y === 0 && w === width && rgb.length === w * h * 3) return new Uint8Array(rgb.buffer, rgb.byteOffset, rgb.length);
  const out = new Uint8Array(w * h * 3);
  for (let row = 0; row < h; row++) {
    const from = ((y + row) * width + x) * 3;
    out.set(rgb.subarray(from, from + w * 3), row * w * 3);
  }
  return out;
}
