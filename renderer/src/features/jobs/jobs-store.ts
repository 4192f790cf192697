import { useSyncExternalStore } from 'react';
import type { JobInfo } from '../../../../shared/contract/jobs';
import { bridge, invoke } from '../../lib/api';

export interface TrackedJob extends JobInfo {
  /** The import batch this job fills, when the UI started it (for the "view report" link). */
  batchId: number | null;
}

const jobs = new Map<number, JobInfo>();
const batches = new Map<number, number>();
const dismissed = new Set<number>();
/** Jobs a screen is already showing in place (e.g. the import screen's own progress card). */
const inline = new Map<number, number>();
/** A finished job's card stays this long; its report stays reachable from the import screen. */
const finishedCardMs = 8000;
const subscribers = new Set<() => void>();
let snapshot: TrackedJob[] = [];
let started = false;

function publish(): void {
  snapshot = [...jobs.values()]
    .filter((j) => !dismissed.has(j.id))
    .sort((a, b) => b.id - a.id)
    .map((j) => ({ ...j, batchId: batches.get(j.id) ?? null }));
  for (const notify of subscribers) notify();
}

function upsert(job: JobInfo): void {
  jobs.set(job.id, job);
  // Failures stay until the user closes them: they need reading. Successes tidy themselves away.
  if (job.status === 'done' || job.status === 'cancelled') setTimeout(() => dismissJob(job.id), finishedCardMs);
  publish();
}

/** Loads the jobs already running (e.g. after a reload) and follows their progress events. */
function start(): void {
  if (started) return;
  started = true;
  bridge.onEvent((name, payload) => {
    if (name === 'job.progress' || name === 'job.finished') upsert(payload as JobInfo);
  });
  void invoke('jobs.list', {}).then((result) => {
    if (!result.ok) return;
    for (const job of result.value) if (!jobs.has(job.id) && job.status === 'running') jobs.set(job.id, job);
    publish();
  });
}

export function linkBatch(jobId: number, batchId: number): void {
  batches.set(jobId, batchId);
  publish();
}

export function dismissJob(jobId: number): void {
  dismissed.add(jobId);
  publish();
}

/** Keeps a job out of the corner panel while a screen shows it in place; returns the undo. */
export function showInline(jobId: number): () => void {
  inline.set(jobId, (inline.get(jobId) ?? 0) + 1);
  publish();
  return () => {
    const n = (inline.get(jobId) ?? 1) - 1;
    if (n > 0) inline.set(jobId, n);
    else inline.delete(jobId);
    publish();
  };
}

export function isInline(jobId: number): boolean {
  return inline.has(jobId);
}

function subscribe(notify: () => void): () => void {
  start();
  subscribers.add(notify);
  return () => subscribers.delete(notify);
}

/** Jobs of this session that the user has not closed, newest first. */
export function useJobs(): TrackedJob[] {
  return useSyncExternalStore(subscribe, () => snapshot);
}

export function useJob(id: number | null): TrackedJob | null {
  const all = useJobs();
  return id === null ? null : (all.find((j) => j.id === id) ?? null);
}
