import type { CSSProperties } from 'react';
import type { FaceBox } from '../../../../shared/types';

/**
 * Where to place a whole picture of `size` pixels inside a square frame so that the frame shows the face with
 * some room around it: a square of 1.6× the face's longer side, centred on the face, kept inside the picture.
 */
export function cropPlacement(box: FaceBox, size: { width: number; height: number }): CSSProperties {
  const faceW = box.w * size.width;
  const faceH = box.h * size.height;
  const side = Math.min(Math.max(faceW, faceH) * 1.6, size.width, size.height);
  const cx = (box.x + box.w / 2) * size.width;
  const cy = (box.y + box.h / 2) * size.height;
  const left = Math.min(Math.max(cx - side / 2, 0), size.width - side);
  const top = Math.min(Math.max(cy - side / 2, 0), size.height - side);
  return {
    width: `${(size.width / side) * 100}%`,
    height: `${(size.height / side) * 100}%`,
    left: `${(-left / side) * 100}%`,
    top: `${(-top / side) * 100}%`,
  };
}

/** A box as CSS percentages of the picture it sits on. */
export const boxStyle = (b: FaceBox): CSSProperties => ({ left: `${b.x * 100}%`, top: `${b.y * 100}%`, width: `${b.w * 100}%`, height: `${b.h * 100}%` });
