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

/** Descriptor distance as a reviewer reads it: two decimals, lower is more alike. */
export const formatDistance = (d: number | null): string => (d === null ? '' : d.toFixed(2));
