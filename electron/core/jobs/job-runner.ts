import type { JobInfo, JobKind } from '../../../shared/contract/jobs';
import { ClearFrameError, toAppError } from '../../../shared/result';
import type { EventBus } from '../events';

export interface JobContext {
  signal: AbortSignal;
  /** Reports progress; events are throttled so a fast job cannot flood the UI. */
  progress(current: number, total: number, step?: string): void;
}

const progressIntervalMs = 100;

/**
 * Runs long work (imports, and later detection and export) as jobs with progress, cancel and a
 * recorded outcome. A job's work function is responsible for skipping finished work on re-run.
 */
export class JobRunner {
  private nextId = 1;
  private readonly jobs = new Map<number, { info: JobInfo; controller: AbortController; settled: Promise<unknown> }>();

  constructor(private readonly events: EventBus) {}

  start<T>(kind: JobKind, title: string, work: (ctx: JobContext) => Promise<T>): { id: number; done: Promise<T> } {
    const id = this.nextId++;
    const controller = new AbortController();
    const info: JobInfo = { id, kind, title, status: 'running', current: 0, total: 0, step: '', error: null, startedAt: new Date().toISOString() };
    const entry = { info, controller, settled: Promise.resolve() as Promise<unknown> };
    this.jobs.set(id, entry);
    let lastEmit = 0;
    const ctx: JobContext = {
      signal: controller.signal,
      progress: (current, total, step = '') => {
        Object.assign(info, { current, total, step });
        const now = Date.now();
        if (now - lastEmit >= progressIntervalMs || current === total) {
          lastEmit = now;
          this.events.emit('job.progress', { ...info });
        }
      },
    };
    this.events.emit('job.progress', { ...info });
    const done = work(ctx).then(
      (value) => {
        info.status = controller.signal.aborted ? 'cancelled' : 'done';
        this.events.emit('job.finished', { ...info });
        return value;
      },
      (err: unknown) => {
        info.status = controller.signal.aborted ? 'cancelled' : 'failed';
        info.error = toAppError(err);
        this.events.emit('job.finished', { ...info });
        throw err;
      },
    );
    // The caller may not await; the outcome is kept in `info` and sent as an event either way.
    entry.settled = done.catch(() => undefined);
    return { id, done };
  }

  list(): JobInfo[] {
    return [...this.jobs.values()].map((j) => ({ ...j.info })).reverse();
  }

  /** Cancels every running job and waits until each has stopped: a closing library must not be written to afterwards. */
  async stopAll(): Promise<void> {
    const running = [...this.jobs.values()].filter((j) => j.info.status === 'running');
    for (const j of running) j.controller.abort();
    await Promise.all(running.map((j) => j.settled));
  }

  cancel(id: number): JobInfo {
    const job = this.jobs.get(id);
    if (!job) throw new ClearFrameError('not_found', `There is no job ${id}.`);
    job.controller.abort();
    return { ...job.info };
  }
}
