import sharp, { type Metadata } from 'sharp';
import { ImportFileError } from './import-failure';
import { importLimits } from './limits';

export interface PhotoHeader {
  /** Pixel size as stored in the file, before orientation. */
  width: number;
  height: number;
  /** Pixel size as shown, after EXIF orientation. */
  displayWidth: number;
  displayHeight: number;
  /** Raw EXIF (TIFF) and XMP blocks, for formats exifr cannot open itself. */
  exif?: Buffer;
  xmp?: Buffer;
}

/**
 * Reads only the image header (libvips does not decode pixels for metadata), so the pixel limit is
 * enforced before any decoder allocates memory for the image.
 */
export async function readPhotoHeader(path: string, label: string): Promise<PhotoHeader> {
  let meta: Metadata;
  try {
    meta = await sharp(path, { limitInputPixels: false }).metadata();
  } catch (err) {
    const detail = (err as Error).message.trim();
    throw new ImportFileError('invalid_input', { code: 'image_unreadable', params: { label, detail } }, `The ${label} image could not be read (${detail}): the file is damaged or incomplete.`);
  }
  const { width, height } = meta;
  if (!width || !height) {
    throw new ImportFileError('invalid_input', { code: 'image_no_size', params: { label } }, `The ${label} image does not say how large it is: the file is damaged or incomplete.`);
  }
  assertPixelLimit(width, height);
  return {
    width,
    height,
    displayWidth: meta.autoOrient?.width ?? width,
    displayHeight: meta.autoOrient?.height ?? height,
    exif: meta.exif,
    xmp: meta.xmp,
  };
}

export function assertPixelLimit(width: number, height: number): void {
  if (width * height > importLimits.pixels) {
    const mp = Math.round((width * height) / 1e6);
    const limitMp = importLimits.pixels / 1e6;
    throw new ImportFileError(
      'invalid_input',
      { code: 'too_many_pixels', params: { width, height, megapixels: mp, limitMegapixels: limitMp } },
      `The image declares ${width} × ${height} pixels (${mp} megapixels), more than the ${limitMp}-megapixel limit; ClearFrame refuses it rather than risk running out of memory.`,
    );
  }
}
