import { randomBytes } from 'node:crypto';

interface Live {
  userId: number;
  lastUsed: number;
}

/**
 * Signed-in sessions of the browser-mode server or the desktop app, in memory: a restart signs everyone out.
 * A session left unused for longer than the lock time is over; the UI then asks for the password again.
 */
export class SessionStore {
  private readonly live = new Map<string, Live>();

  constructor(
    private readonly lockAfterMs: () => number,
    private readonly now: () => number = Date.now,
  ) {}

  start(userId: number): string {
    const id = randomBytes(32).toString('base64url');
    this.live.set(id, { userId, lastUsed: this.now() });
    return id;
  }

  /** The profile of a live session, marking it used; undefined for an unknown, ended or idle one. */
  use(id: string | undefined): number | undefined {
    const session = id === undefined ? undefined : this.live.get(id);
    if (!session) return undefined;
    if (this.now() - session.lastUsed > this.lockAfterMs()) {
      this.live.delete(id!);
      return undefined;
    }
    session.lastUsed = this.now();
    return session.userId;
  }

  end(id: string | undefined): void {
    if (id !== undefined) this.live.delete(id);
  }
}
