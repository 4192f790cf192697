import type { CheckedMedia } from '../../../../shared/contract/export';
import type { Decision } from '../../../../shared/domain/decision';

/** Faces to blur, counting a video track once (as the export and the library badge do). */
export function blurCount(decision: Decision): number {
  if (decision.decision !== 'redact') return 0;
  return new Set(decision.redactions.map((r) => (r.trackId !== null ? `t${r.trackId}` : `f${r.faceId}`))).size;
}

export function tally(checked: readonly CheckedMedia[]): { publishable: number; redact: number; blocked: number } {
  const count = { publishable: 0, redact: 0, blocked: 0 };
  for (const c of checked) count[c.decision.decision] += 1;
  return count;
}
