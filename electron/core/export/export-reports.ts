import type { ExportReport } from '../../../shared/contract/export';
import { ClearFrameError } from '../../../shared/result';
import type { Library } from '../library';

const reports = new WeakMap<Library, Map<number, ExportReport>>();

/**
 * What each export job of this session did, for the UI to show when the job's "finished" event
 * arrives. What lasts is in the publication register and the audit log; this is only the view of a run.
 */
export function keepReport(lib: Library, report: ExportReport): void {
  let byJob = reports.get(lib);
  if (!byJob) reports.set(lib, (byJob = new Map()));
  byJob.set(report.jobId, report);
}

export function exportReport(lib: Library, jobId: number): ExportReport {
  const report = reports.get(lib)?.get(jobId);
  if (!report) throw new ClearFrameError('not_found', `There is no export job ${jobId} in this session.`);
  return report;
}
