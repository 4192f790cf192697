/** Wrong passwords allowed in a row before sign-in makes the next try wait. */
export const freeAttempts = 5;
const firstWaitMs = 30_000;
const longestWaitMs = 15 * 60_000;

/**
 * How long after the last failure the next try must wait: nothing for the first few slips, then 30 seconds,
 * doubling per further failure up to 15 minutes. Slow enough against guessing, short enough for a teacher.
 */
export function signInWaitMs(failedAttempts: number): number {
  if (failedAttempts < freeAttempts) return 0;
  return Math.min(longestWaitMs, firstWaitMs * 2 ** (failedAttempts - freeAttempts));
}

/** Milliseconds still to wait before this profile may try again (0: may try now). */
export function remainingWaitMs(failedAttempts: number, lastFailedAt: string | null, now: Date): number {
  if (lastFailedAt === null) return 0;
  const until = Date.parse(lastFailedAt) + signInWaitMs(failedAttempts);
  return Math.max(0, until - now.getTime());
}

/** "30 seconds", "2 minutes". */
export function describeWait(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minutes`;
}
