import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { composeScene, type FaceSpec } from '../../bench/faces-compose';
import { iou, type ScoredRect } from '../../electron/core/faces/box-geometry';
import { scanImage, type FrameMemory } from '../../electron/core/faces/image-scan';
import { openFrame } from '../../electron/core/faces/photo-pixels';

/**
 * Video frames are scanned again only where they changed since the last sample. Whatever the frame
 * memory keeps or rescans, each frame's faces must be the faces a whole scan of that frame finds:
 * a face that moved is found where it is now and no longer where it was, a face that appears is found.
 * Frames are generated from the public-domain portraits (adults) on a still background.
 */
const width = 1280;
const height = 720;
const options = { minFacePx: 48, minScore: 0.2 };
const face = (portrait: number, h: number, x: number, y: number): FaceSpec => ({ portrait, height: h, x, y, flip: false, blur: 0, roll: 0, brightness: 1 });

async function frame(faces: FaceSpec[]) {
  const scene = await composeScene({ width, height, background: 'coffee', seed: 7, faces, quality: 90 });
  const rgb = await sharp(scene.jpeg).removeAlpha().raw().toBuffer();
  return { image: openFrame({ rgb, width, height }, width, height), truth: scene.faces };
}

const same = (a: ScoredRect[], b: ScoredRect[]) => a.length === b.length && a.every((x) => b.some((y) => iou(x, y) > 0.9));

describe('scanning video frames where they changed', () => {
  it('finds in every frame what a whole scan finds: moved faces where they are now, new faces, and still ones', async () => {
    const shots = [
      [face(0, 120, 200, 150)],
      [face(0, 120, 200, 150)],
      // The face moves far to the right and down.
      [face(0, 120, 900, 400)],
      // It stands still; a smaller face appears top right.
      [face(0, 120, 900, 400), face(2, 64, 1100, 60)],
      // A close face, larger than the finest level must find on its own, moves a little: its old box must go.
      [face(1, 300, 300, 250)],
      [face(1, 300, 450, 250)],
    ];
    const memory: FrameMemory = {};
    for (const faces of shots) {
      const { image, truth } = await frame(faces);
      const remembered = await scanImage(image, options, undefined, memory);
      const whole = await scanImage(image, options);
      expect(same(remembered, whole)).toBe(true);
      expect(remembered).toHaveLength(truth.length);
      for (const g of truth) {
        const box = { x: g.x / width, y: g.y / height, w: g.w / width, h: g.h / height };
        expect(remembered.some((d) => iou(d, box) > 0.3)).toBe(true);
      }
    }
  }, 180_000);
});
