import { readFile } from 'node:fs/promises';
import sharp, { type Sharp } from 'sharp';
import { assertPixelLimit } from './photo-header';

let queue: Promise<unknown> = Promise.resolve();

/**
 * sharp's prebuilt libvips has no HEVC decoder, so HEIC goes through libheif compiled to WebAssembly.
 * That decoder holds the whole RGBA image in memory and runs synchronously, so decodes take turns:
 * two 48-megapixel iPhone photos at once would double the peak memory for no gain in speed.
 * libheif applies the file's rotation and mirror itself; the pixels come out as shown.
 */
export function heicToSharp(path: string): Promise<Sharp> {
  const run = queue.then(async () => {
    const { default: decode } = await import('heic-decode');
    const image = await decode({ buffer: await readFile(path) });
    assertPixelLimit(image.width, image.height);
    const pixels = Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength);
    return sharp(pixels, { raw: { width: image.width, height: image.height, channels: 4 } });
  });
  queue = run.catch(() => undefined);
  return run;
}
