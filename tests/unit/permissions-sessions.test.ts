import { describe, expect, it } from 'vitest';
import { SessionStore } from '../../electron/core/users/sessions';
import { describeWait, freeAttempts, remainingWaitMs, signInWaitMs } from '../../electron/core/users/sign-in-delay';

describe('sessions lock after inactivity', () => {
  const minute = 60_000;
  function store(lockMinutes: number) {
    let now = 1_000_000;
    const sessions = new SessionStore(() => lockMinutes * minute, () => now);
    return { sessions, advance: (ms: number) => (now += ms) };
  }

  it('keeps a session that is used within the lock time, however long in total', () => {
    const { sessions, advance } = store(10);
    const id = sessions.start(7);
    for (let i = 0; i < 5; i++) {
      advance(9 * minute);
      expect(sessions.use(id)).toBe(7);
    }
  });

  it('ends a session left unused for longer than the lock time', () => {
    const { sessions, advance } = store(10);
    const id = sessions.start(7);
    advance(10 * minute + 1);
    expect(sessions.use(id)).toBeUndefined();
    // Ended for good: coming back does not revive it.
    expect(sessions.use(id)).toBeUndefined();
  });

  it('knows only the ids it handed out, each long and random, and forgets ended ones', () => {
    const { sessions } = store(10);
    const a = sessions.start(1);
    const b = sessions.start(1);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sessions.use('guess')).toBeUndefined();
    expect(sessions.use(undefined)).toBeUndefined();
    sessions.end(a);
    expect(sessions.use(a)).toBeUndefined();
    expect(sessions.use(b)).toBe(1);
  });
});

describe('waiting after wrong passwords', () => {
  it('lets the first few slips through, then doubles the wait up to 15 minutes', () => {
    const waits = Array.from({ length: 12 }, (_, n) => signInWaitMs(n));
    expect(waits.slice(0, freeAttempts)).toEqual([0, 0, 0, 0, 0]);
    expect(waits.slice(freeAttempts, freeAttempts + 5)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000]);
    expect(waits.slice(freeAttempts + 5)).toEqual([900_000, 900_000]);
  });

  it('counts the wait from the last failure', () => {
    const last = '2025-01-01T10:00:00.000Z';
    expect(remainingWaitMs(5, last, new Date('2025-01-01T10:00:10.000Z'))).toBe(20_000);
    expect(remainingWaitMs(5, last, new Date('2025-01-01T10:00:30.000Z'))).toBe(0);
    expect(remainingWaitMs(4, last, new Date('2025-01-01T10:00:01.000Z'))).toBe(0);
    expect(remainingWaitMs(0, null, new Date())).toBe(0);
  });

  it('says how long to wait in words', () => {
    expect(describeWait(1)).toBe('1 second');
    expect(describeWait(30_000)).toBe('30 seconds');
    expect(describeWait(240_000)).toBe('4 minutes');
  });
});
