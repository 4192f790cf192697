import sharp, { type OutputInfo, type Sharp } from 'sharp';
import { ClearFrameError } from '../../../shared/result';
import type { FaceBox } from '../../../shared/types';
import { heicToSharp } from '../media/heic-pixels';
import { importLimits } from '../media/limits';
import type { RedactionStyle } from '../../../shared/contract/export';
import { obscureRegion } from './obscure-region';
import { pixelRect } from './pixel-rect';

export interface PhotoOutput {
  /** Longest side of the output in pixels; a smaller photo is never enlarged. */
  maxEdge: number;
  quality: number;
}

export interface RedactedPhoto {
  jpeg: Buffer;
  width: number;
  height: number;
}

const isHeic = (ext: string) => ext === 'heic' || ext === 'heif';

async function openUpright(path: string, ext: string): Promise<Sharp> {
  // libheif applies the file's rotation itself; for everything else rotate() reads the EXIF orientation.
  return isHeic(ext) ? heicToSharp(path) : sharp(path, { limitInputPixels: importLimits.pixels, failOn: 'error' }).rotate();
}

/**
 * The photo as it will be published: upright, sized for the channel, every region redacted, encoded as
 * a JPEG without any of the original's metadata (sharp writes none unless asked), so GPS, serial
 * numbers, names, face regions and the EXIF thumbnail (which would show the faces unredacted) cannot
 * survive. Regions are fractions of the upright photo, already grown by the policy's margin.
 *
 * The photo is sized before it is redacted: the regions are relative, so the result is the same as
 * redacting at full size and then shrinking, and JPEG shrink-on-load makes it several times faster.
 */
export async function redactPhoto(path: string, ext: string, regions: readonly FaceBox[], style: RedactionStyle, output: PhotoOutput): Promise<RedactedPhoto> {
  let base: { data: Buffer; info: OutputInfo };
  try {
    base = await (await openUpright(path, ext))
      .resize({ width: output.maxEdge, height: output.maxEdge, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
  } catch (err) {
    if (err instanceof ClearFrameError) throw err;
    throw new ClearFrameError('invalid_input', `The photo could not be decoded for export (${(err as Error).message.trim()}).`);
  }
  const { width, height, channels } = base.info;
  const raw = { width, height, channels: channels as 3 };
  const overlays = await Promise.all(
    regions.map(async (box) => {
      const rect = pixelRect(box, width, height);
      const region = await sharp(base.data, { raw }).extract(rect).raw().toBuffer();
      const data = await obscureRegion({ data: region, width: rect.width, height: rect.height, channels: raw.channels }, style);
      return { input: data, raw: { width: rect.width, height: rect.height, channels: raw.channels }, left: rect.left, top: rect.top };
    }),
  );
  const jpeg = await sharp(base.data, { raw }).composite(overlays).jpeg({ quality: output.quality }).toBuffer();
  return { jpeg, width, height };
}
