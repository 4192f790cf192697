import type { JobInfo } from '../../shared/contract/jobs';
import { progressLine } from './progress';
import type { Session } from './session';

/**
 * Runs a job to its end with progress on stderr; the first Ctrl+C asks the job to stop (it says
 * `cancelNote`), a second one ends the process at once.
 */
export async function followJob<T>(session: Session, job: { jobId: number; done: Promise<T> }, what: string, cancelNote: string): Promise<T> {
  const lib = await session.library();
  const progress = progressLine(session.options.progress);
  const stop = lib.events.onAny((name, payload) => {
    if (name === 'job.progress' && (payload as JobInfo).id === job.jobId) {
      const info = payload as JobInfo;
      progress.update(`${what} ${info.current}/${info.total}${info.step ? ` ${info.step}` : ''}`);
    }
  });
  const onInterrupt = () => {
    progress.note(cancelNote);
    lib.jobs.cancel(job.jobId);
  };
  process.once('SIGINT', onInterrupt);
  try {
    return await job.done;
  } finally {
    process.off('SIGINT', onInterrupt);
    stop();
    progress.end();
  }
}
