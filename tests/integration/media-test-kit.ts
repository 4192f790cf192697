import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { localAdmin, type RequestContext } from '../../electron/core/api/context';
import { tempLibrary as makeTempLibrary, type TempLibrary } from '../helpers/temp-library';

const here = dirname(fileURLToPath(import.meta.url));
export const fixtures = resolve(here, '../fixtures/media');
export const goodFixtures = join(fixtures, 'good');
export const badFixtures = join(fixtures, 'bad');
/** The IPTC reference image is read from ../shared, never copied into this repository. */
export const iptcReference = resolve(here, '../../../shared/fixtures/metadata/IPTC-PhotometadataRef-Std2024.1.jpg');

/** The single-user admin, named so tests can tell their audit entries apart. */
export const actor: RequestContext = { ...localAdmin, actor: 'tester' };

/** A fresh library folder and a scratch folder, removed after the test. */
export const tempLibrary = (): TempLibrary => makeTempLibrary('cf-media-');

export function copyInto(dir: string, files: { from: string; as?: string }[]): string[] {
  mkdirSync(dir, { recursive: true });
  return files.map(({ from, as }) => {
    const to = join(dir, as ?? from.split('/').pop()!);
    copyFileSync(from, to);
    return to;
  });
}

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Distinct noisy JPEGs, large enough that importing one takes a noticeable moment. */
export async function noisyJpegs(dir: string, count: number, width = 1200, height = 900): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const path = join(dir, `noise-${String(i).padStart(3, '0')}.jpg`);
    await sharp({ create: { width, height, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 90 + i, sigma: 40 } } })
      .jpeg({ quality: 85 })
      .toFile(path);
    out.push(path);
  }
  return out;
}
