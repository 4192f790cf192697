import { join } from 'node:path';
import sharp from 'sharp';
import { seededRandom } from './seeded-random';

/**
 * Builds photos with faces at known places from the public-domain portraits in tests/fixtures/faces
 * (adults: two public figures and an astronaut). Used by the faces benchmark and the recall tests:
 * every face's box is known by construction, so recall and false positives can be counted.
 */

export const facesFixtureDir = join(import.meta.dirname, '..', 'tests', 'fixtures', 'faces');

export type PortraitPerson = 'obama' | 'biden' | 'collins';

interface Portrait {
  file: string;
  /** The face box in the source file's pixels (face-api SSD's box, as in make-collage.js). */
  face: [number, number, number, number];
  person: PortraitPerson;
}

export const portraits: Portrait[] = [
  { file: 'obama.jpg', face: [374, 109, 227, 309], person: 'obama' },
  { file: 'obama2.jpg', face: [216, 242, 256, 392], person: 'obama' },
  { file: 'biden.jpg', face: [441, 155, 261, 396], person: 'biden' },
  { file: 'astronaut.png', face: [181, 73, 83, 102], person: 'collins' },
  { file: 'two_people.jpg', face: [235, 22, 143, 193], person: 'obama' },
  { file: 'two_people.jpg', face: [793, 37, 139, 209], person: 'biden' },
];

export const backgroundKinds = ['coffee', 'suit', 'noise', 'cat'] as const;
export type BackgroundKind = (typeof backgroundKinds)[number];

export interface FaceSpec {
  portrait: number;
  /** Face box height in the composed image, pixels. */
  height: number;
  x: number;
  y: number;
  flip: boolean;
  blur: number;
  /** In-plane rotation, degrees. */
  roll: number;
  brightness: number;
}

export interface SceneSpec {
  width: number;
  height: number;
  background: BackgroundKind;
  /** Picks where the background is cut; the same seed gives the same scene. */
  seed: number;
  faces: FaceSpec[];
  quality: number;
}

export interface PlacedFace {
  x: number;
  y: number;
  w: number;
  h: number;
  person: PortraitPerson;
}

const fixture = (file: string) => join(facesFixtureDir, file);

/**
 * Face-free backgrounds: a CC0 still life, the suits and room below the portraits' faces, noise, and
 * the CC0 cat, each cut at a random place and size (and mirrored at random) so that one pattern the
 * detector mistakes for a face does not repeat across the whole set.
 */
async function background(kind: BackgroundKind, width: number, height: number, rand: () => number): Promise<Buffer> {
  if (kind === 'noise') {
    return sharp({ create: { width, height, channels: 3, background: '#6a7a6a', noise: { type: 'gaussian', mean: 90 + rand() * 60, sigma: 20 + rand() * 30 } } })
      .blur(1 + rand() * 3)
      .png()
      .toBuffer();
  }
  // Below the chin in biden.jpg and obama.jpg: suits, a tie, hands, the White House rooms.
  const sources: Record<Exclude<BackgroundKind, 'noise'>, { file: string; left: number; top: number; width: number; height: number }[]> = {
    coffee: [{ file: 'coffee.png', left: 0, top: 0, width: 600, height: 400 }],
    suit: [
      { file: 'biden.jpg', left: 0, top: 700, width: 970, height: 1500 },
      { file: 'obama.jpg', left: 0, top: 520, width: 910, height: 617 },
    ],
    cat: [{ file: 'chelsea.png', left: 0, top: 0, width: 451, height: 300 }],
  };
  const options = sources[kind];
  const src = options[Math.floor(rand() * options.length)]!;
  // A random window of 60-100 % of the source's size, stretched to the scene's aspect by cover.
  const share = 0.6 + rand() * 0.4;
  const w = Math.round(src.width * share);
  const h = Math.round(src.height * share);
  const left = src.left + Math.floor(rand() * (src.width - w + 1));
  const top = src.top + Math.floor(rand() * (src.height - h + 1));
  let img = sharp(fixture(src.file)).extract({ left, top, width: w, height: h });
  if (rand() < 0.5) img = img.flop();
  const pixels = await img.removeAlpha().png().toBuffer();
  return sharp(pixels).resize(width, height, { fit: 'cover' }).png().toBuffer();
}

/** Head and shoulders around a portrait's face, feathered at the edges so it blends into the scene. */
async function facePatch(spec: FaceSpec): Promise<{ input: Buffer; left: number; top: number; box: PlacedFace }> {
  const p = portraits[spec.portrait]!;
  const [fx, fy, fw, fh] = p.face;
  const meta = await sharp(fixture(p.file)).metadata();
  const scale = spec.height / fh;
  const left = Math.max(0, Math.round(fx - fw * 0.45));
  const top = Math.max(0, Math.round(fy - fh * 0.3));
  const right = Math.min(meta.width, Math.round(fx + fw * 1.45));
  const bottom = Math.min(meta.height, Math.round(fy + fh * 1.3));
  const w = Math.max(1, Math.round((right - left) * scale));
  const h = Math.max(1, Math.round((bottom - top) * scale));
  let img = sharp(fixture(p.file)).extract({ left, top, width: right - left, height: bottom - top }).resize(w, h).removeAlpha();
  if (spec.flip) img = img.flop();
  if (spec.blur > 0.3) img = img.blur(spec.blur);
  img = img.modulate({ brightness: spec.brightness });
  const mask = Buffer.from(
    `<svg width="${w}" height="${h}"><defs><filter id="f"><feGaussianBlur stdDeviation="${Math.max(1, w * 0.06)}"/></filter></defs>` +
      `<ellipse cx="${w / 2}" cy="${h / 2}" rx="${w * 0.44}" ry="${h * 0.46}" fill="#fff" filter="url(#f)"/></svg>`,
  );
  // sharp composites after its other operations: the pixels are made first, then masked.
  const pixels = await img.ensureAlpha().png().toBuffer();
  let patch = await sharp(pixels).composite([{ input: mask, blend: 'dest-in' }]).png().toBuffer();
  // Face box inside the patch, before any roll.
  let bx = (fx - left) * scale;
  let by = (fy - top) * scale;
  if (spec.flip) bx = w - bx - fw * scale;
  let pw = w;
  let ph = h;
  if (spec.roll !== 0) {
    const rotated = await sharp(patch).rotate(spec.roll, { background: { r: 0, g: 0, b: 0, alpha: 0 } }).png().toBuffer({ resolveWithObject: true });
    patch = rotated.data;
    // The face's centre turns with the patch; its box keeps its size (the detector draws upright boxes).
    const rad = (spec.roll * Math.PI) / 180;
    const cx = bx + (fw * scale) / 2 - w / 2;
    const cy = by + (fh * scale) / 2 - h / 2;
    pw = rotated.info.width;
    ph = rotated.info.height;
    bx = pw / 2 + cx * Math.cos(rad) - cy * Math.sin(rad) - (fw * scale) / 2;
    by = ph / 2 + cx * Math.sin(rad) + cy * Math.cos(rad) - (fh * scale) / 2;
  }
  const patchLeft = Math.round(spec.x - bx);
  const patchTop = Math.round(spec.y - by);
  return {
    input: patch,
    left: patchLeft,
    top: patchTop,
    box: { x: patchLeft + bx, y: patchTop + by, w: fw * scale, h: fh * scale, person: p.person },
  };
}

/** Renders a scene as a JPEG and returns where its faces are, in pixels. */
export async function composeScene(spec: SceneSpec): Promise<{ jpeg: Buffer; faces: PlacedFace[] }> {
  const patches = await Promise.all(spec.faces.map(facePatch));
  const base = await background(spec.background, spec.width, spec.height, seededRandom(spec.seed));
  const inside = patches.map((p) => ({ ...p, input: p.input }));
  const jpeg = await sharp(base)
    .composite(inside.map(({ input, left, top }) => ({ input, left, top })))
    .jpeg({ quality: spec.quality })
    .toBuffer();
  return { jpeg, faces: patches.map((p) => p.box) };
}

/**
 * A random scene: faces of log-uniform heights in [minFace, maxFace] placed without overlapping
 * (patches may leave the frame; faces may not).
 */
export function randomScene(rand: () => number, width: number, height: number, count: number, minFace: number, maxFace: number): SceneSpec {
  const faces: FaceSpec[] = [];
  const taken: { x: number; y: number; w: number; h: number }[] = [];
  for (let attempt = 0; faces.length < count && attempt < count * 40; attempt++) {
    const h = Math.round(Math.exp(Math.log(minFace) + rand() * (Math.log(Math.min(maxFace, height * 0.8)) - Math.log(minFace))));
    const w = h * 0.75;
    const x = rand() * (width - w);
    const y = rand() * (height - h);
    // Keep a head's width of space so neighbours' hair and shoulders do not cover each other's faces.
    const zone = { x: x - w * 0.5, y: y - h * 0.35, w: w * 2, h: h * 1.7 };
    if (taken.some((t) => t.x < zone.x + zone.w && zone.x < t.x + t.w && t.y < zone.y + zone.h && zone.y < t.y + t.h)) continue;
    taken.push(zone);
    faces.push({
      portrait: Math.floor(rand() * portraits.length),
      height: h,
      x,
      y,
      flip: rand() < 0.5,
      blur: [0, 0, 0.8, 1.5][Math.floor(rand() * 4)]!,
      roll: rand() < 0.3 ? Math.round((rand() - 0.5) * 20) : 0,
      brightness: 0.7 + rand() * 0.5,
    });
  }
  const bg = rand();
  return {
    width,
    height,
    background: bg < 0.35 ? 'coffee' : bg < 0.65 ? 'suit' : bg < 0.93 ? 'noise' : 'cat',
    seed: Math.floor(rand() * 2 ** 31),
    faces,
    quality: [60, 75, 90][Math.floor(rand() * 3)]!,
  };
}
