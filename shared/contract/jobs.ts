import { z } from 'zod';
import type { AppError } from '../result';
import { command } from './define';

export const jobKinds = ['import', 'demo', 'export', 'faces'] as const;
export type JobKind = (typeof jobKinds)[number];

export interface JobInfo {
  id: number;
  kind: JobKind;
  title: string;
  status: 'running' | 'done' | 'failed' | 'cancelled';
  current: number;
  total: number;
  /** What the job is working on now, e.g. the file name being imported. */
  step: string;
  /** Why a failed job failed: the code names it in the user's language, the message adds the details. */
  error: AppError | null;
  startedAt: string;
}

export const jobCommands = {
  'jobs.list': command(z.object({})).returns<JobInfo[]>(),
  'jobs.cancel': command(z.object({ id: z.number().int().positive() })).returns<JobInfo>(),
};

export interface JobEvents {
  'job.progress': JobInfo;
  'job.finished': JobInfo;
}
