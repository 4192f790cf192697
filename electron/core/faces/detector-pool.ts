import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ClearFrameError } from '../../../shared/result';
import type { DetectorTask, TaskResponse, TaskResults } from './detector-protocol';
import { detectorWorkerEntry } from './worker-entry';

type Kind = DetectorTask['kind'];

interface Pending {
  task: DetectorTask;
  resolve(value: unknown): void;
  reject(err: unknown): void;
}

interface Slot {
  worker: Worker;
  current: (Pending & { id: number }) | null;
  idleTimer: NodeJS.Timeout | null;
}

/** A thread that has had nothing to do for this long is ended; its models take ~150 MB. */
const idleMs = 60_000;

/**
 * Runs detector tasks on worker threads, one per core: the wasm engine is single-threaded, so two
 * threads on two cores detect in two photos at once. Idle threads do not keep the process alive.
 * Cancelling a running task ends its thread (a wasm call cannot be interrupted); a new one starts
 * when work comes.
 */
export class DetectorPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;

  constructor(readonly size: number) {}

  run<K extends Kind>(task: Extract<DetectorTask, { kind: K }>, signal?: AbortSignal): Promise<TaskResults[K]> {
    return new Promise<TaskResults[K]>((resolve, reject) => {
      if (signal?.aborted) return reject(cancelled());
      // A job's signal outlives thousands of tasks: each task takes its abort listener away when it settles.
      const onAbort = () => this.abort(pending);
      const settle = () => signal?.removeEventListener('abort', onAbort);
      const pending: Pending = {
        task,
        resolve: (v) => {
          settle();
          resolve(v as TaskResults[K]);
        },
        reject: (err) => {
          settle();
          reject(err);
        },
      };
      this.queue.push(pending);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pump();
    });
  }

  /** Ends every thread; queued and running work is refused. */
  async close(): Promise<void> {
    const closing = () => new ClearFrameError('cancelled', 'Face detection stopped because ClearFrame is closing.');
    for (const p of this.queue.splice(0)) p.reject(closing());
    const slots = this.slots.splice(0);
    for (const s of slots) {
      s.current?.reject(closing());
      s.current = null;
    }
    await Promise.all(slots.map((s) => this.end(s)));
  }

  /** Threads running now (busy or idle). */
  get threads(): number {
    return this.slots.length;
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const slot = this.slots.find((s) => s.current === null) ?? (this.slots.length < this.size ? this.spawn() : undefined);
      if (!slot) return;
      const pending = this.queue.shift()!;
      const id = this.nextId++;
      slot.current = { ...pending, id };
      if (slot.idleTimer) clearTimeout(slot.idleTimer);
      slot.idleTimer = null;
      slot.worker.ref();
      slot.worker.postMessage({ id, task: pending.task });
    }
  }

  private spawn(): Slot {
    const entry = detectorWorkerEntry();
    const worker = new Worker(entry.filename, { ...entry.options, stdout: false, stderr: false });
    const slot: Slot = { worker, current: null, idleTimer: null };
    worker.on('message', (msg: TaskResponse) => {
      const current = slot.current;
      if (!current || current.id !== msg.id) return;
      slot.current = null;
      if (msg.ok) current.resolve(msg.value);
      else current.reject(new ClearFrameError(msg.error.code, msg.error.message));
      this.idle(slot);
      this.pump();
    });
    const fail = (reason: string) => {
      this.remove(slot);
      slot.current?.reject(new ClearFrameError('internal', `The face detector stopped unexpectedly (${reason}); try again.`));
      slot.current = null;
      this.pump();
    };
    worker.on('error', (err) => fail(err.message));
    worker.on('exit', (code) => {
      if (this.slots.includes(slot)) fail(`exit code ${code}`);
    });
    this.slots.push(slot);
    return slot;
  }

  private idle(slot: Slot): void {
    slot.worker.unref();
    slot.idleTimer = setTimeout(() => {
      this.remove(slot);
      void slot.worker.terminate();
    }, idleMs);
    slot.idleTimer.unref();
  }

  private abort(pending: Pending): void {
    const queued = this.queue.indexOf(pending);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      pending.reject(cancelled());
      return;
    }
    const slot = this.slots.find((s) => s.current?.resolve === pending.resolve);
    if (!slot) return;
    slot.current = null;
    pending.reject(cancelled());
    void this.end(slot);
    this.pump();
  }

  private remove(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
  }

  private async end(slot: Slot): Promise<void> {
    this.remove(slot);
    await slot.worker.terminate();
  }
}

const cancelled = () => new ClearFrameError('cancelled', 'Face detection was cancelled.');

let shared: DetectorPool | undefined;

/** The process's detector threads, shared by every job: one per core. */
export function detectorPool(): DetectorPool {
  shared ??= new DetectorPool(Math.max(1, availableParallelism()));
  return shared;
}
