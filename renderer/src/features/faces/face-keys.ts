import type { KeyboardEvent } from 'react';
import type { FaceVerdict } from '../../../../shared/contract/faces';

/** What a key pressed on a face (a box, a list row or a crop) asks for. */
export type FaceKeyAction = { kind: 'next' } | { kind: 'verdict'; verdict: Exclude<FaceVerdict, 'person'> } | { kind: 'search'; text: string } | null;

const verdictKeys: Record<string, Exclude<FaceVerdict, 'person'>> = { i: 'not_identifiable', x: 'not_a_face', u: 'unreviewed' };

/**
 * The review shortcuts: N next open face, I not identifiable, X not a face, U back to unreviewed. Any other
 * letter starts a search for a person with that letter (Enter on a face opens the search empty, as a click does).
 */
export function faceKeyAction(e: KeyboardEvent): FaceKeyAction {
  if (e.ctrlKey || e.metaKey || e.altKey || e.key.length !== 1) return null;
  const key = e.key.toLowerCase();
  if (key === 'n') return { kind: 'next' };
  const verdict = verdictKeys[key];
  if (verdict) return { kind: 'verdict', verdict };
  if (/\p{L}/u.test(e.key)) return { kind: 'search', text: e.key };
  return null;
}
