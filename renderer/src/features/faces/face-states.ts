import type { FaceInfo } from '../../../../shared/contract/faces';
import type { FaceState } from '../../../../shared/types';
import type { IconName } from '../../components/Icon';

/** Each state has its own colour (faces.css), icon and words: never colour alone. */
export const faceStateIcon: Record<FaceState, IconName> = {
  unreviewed: 'help',
  suggested: 'sparkle',
  person: 'check',
  not_identifiable: 'eyeOff',
  not_a_face: 'x',
};

/** Open faces still need a reviewer's decision; a suggestion is not a decision. */
export const isOpen = (face: Pick<FaceInfo, 'state'>): boolean => face.state === 'unreviewed' || face.state === 'suggested';

/** The open face after `currentId` in the given order, wrapping around; null when none is left. */
export function nextOpenFace<F extends Pick<FaceInfo, 'id' | 'state'>>(faces: readonly F[], currentId: number | null): F | null {
  const at = faces.findIndex((f) => f.id === currentId);
  return faces.slice(at + 1).find(isOpen) ?? faces.find((f) => isOpen(f) && f.id !== currentId) ?? null;
}

/** Descriptor distance as a reviewer reads it, in their language: two decimals, lower is more alike. */
export const formatDistance = (d: number | null, language: string): string =>
  d === null ? '' : new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(d);

/** A time in a video to a tenth of a second (faces are sampled a few times a second): 0:03.5. */
export function formatFaceTime(seconds: number): string {
  const tenths = Math.round(seconds * 10);
  const m = Math.floor(tenths / 600);
  const s = ((tenths % 600) / 10).toFixed(1).padStart(4, '0');
  return `${m}:${s}`;
}
