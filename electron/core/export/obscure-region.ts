import sharp from 'sharp';
import type { RedactionStyle } from '../../../shared/contract/export';

/**
 * A redacted region keeps this many cells across its longer side. The region is the face box grown by
 * the policy's margin, so the face itself spans about five cells: too few for a person or a face
 * detector to recognise anyone, and the discarded detail cannot be recovered from the file (a blur
 * alone could in principle be partly undone by deconvolution; a downsampled region cannot).
 */
export const cellsAcross = 8;

export interface RawRegion {
  data: Buffer;
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
}

/**
 * Redacts one region irreversibly: shrunk to `cellsAcross` cells, then either enlarged with a strong
 * Gaussian blur (sigma half a cell, so it scales with the face) or enlarged as hard blocks (pixelation).
 */
export async function obscureRegion(region: RawRegion, style: RedactionStyle): Promise<Buffer> {
  const { width, height, channels } = region;
  const long = Math.max(width, height);
  const cw = Math.max(1, Math.round((width / long) * cellsAcross));
  const ch = Math.max(1, Math.round((height / long) * cellsAcross));
  const coarse = await sharp(region.data, { raw: { width, height, channels } }).resize(cw, ch, { fit: 'fill' }).raw().toBuffer();
  const grown = sharp(coarse, { raw: { width: cw, height: ch, channels } });
  if (style === 'pixelate') return grown.resize(width, height, { fit: 'fill', kernel: 'nearest' }).raw().toBuffer();
  const sigma = Math.max(0.5, long / cellsAcross / 2);
  return grown.resize(width, height, { fit: 'fill', kernel: 'cubic' }).blur(sigma).raw().toBuffer();
}
