import type { Page } from 'playwright-core';
import type { JobInfo } from '../../../shared/contract/jobs';

/** Calls the contract the way the page does (same origin, session cookie), to prepare what a test works on. */
export async function api<T>(page: Page, name: string, input: unknown): Promise<T> {
  const result = await page.evaluate(
    async ([n, i]) => (await fetch(`/api/${n}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(i) })).json(),
    [name, input] as const,
  );
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}

/** Waits for a job to end (also in beforeAll, where expect.poll is not available); it must end well. */
export async function finishedJob(page: Page, jobId: number): Promise<JobInfo> {
  for (;;) {
    const job = (await api<JobInfo[]>(page, 'jobs.list', {})).find((j) => j.id === jobId);
    if (job && job.status !== 'running') {
      if (job.status !== 'done') throw new Error(`Job ${job.title} ended ${job.status}: ${job.error?.message}`);
      return job;
    }
    await page.waitForTimeout(250);
  }
}
