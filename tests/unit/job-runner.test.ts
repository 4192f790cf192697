import { describe, expect, it } from 'vitest';
import { EventBus } from '../../electron/core/events';
import { JobRunner } from '../../electron/core/jobs/job-runner';
import { ClearFrameError } from '../../shared/result';

describe('job runner', () => {
  it('keeps why a failed job failed as a code the interface translates, with the details', async () => {
    const jobs = new JobRunner(new EventBus());
    const known = jobs.start('import', 'Import', async () => {
      throw new ClearFrameError('conflict', 'Another ClearFrame program is importing these files now.');
    });
    await expect(known.done).rejects.toThrow('Another ClearFrame program');
    expect(jobs.list()[0]).toMatchObject({ status: 'failed', error: { code: 'conflict', message: 'Another ClearFrame program is importing these files now.' } });

    const unexpected = jobs.start('export', 'Export', async () => {
      throw new Error('disk on fire');
    });
    await expect(unexpected.done).rejects.toThrow('disk on fire');
    expect(jobs.list().find((j) => j.id === unexpected.id)?.error).toEqual({ code: 'internal', message: 'Something went wrong inside ClearFrame: disk on fire' });
  });

  it('records a job stopped by cancel as cancelled, not failed', async () => {
    const jobs = new JobRunner(new EventBus());
    const job = jobs.start('faces', 'Faces', (ctx) => new Promise((_, reject) => ctx.signal.addEventListener('abort', () => reject(new ClearFrameError('cancelled', 'Stopped.')))));
    jobs.cancel(job.id);
    await expect(job.done).rejects.toThrow('Stopped.');
    expect(jobs.list()[0]).toMatchObject({ status: 'cancelled' });
  });
});
