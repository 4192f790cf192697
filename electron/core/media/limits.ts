/**
 * What one import will take. Byte limits keep a stray disk image or screen recording out of the store;
 * the pixel limit is checked from the header before any decoding, so a small file that declares a
 * gigantic image (a decompression bomb) is refused without allocating its pixels.
 */
export const importLimits = {
  photoBytes: 200 * 1024 * 1024,
  videoBytes: 4 * 1024 * 1024 * 1024,
  pixels: 100_000_000,
};

export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GiB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(0)} MB`;
  return `${n} bytes`;
}
