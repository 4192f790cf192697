import { useEffect, useState } from 'react';
import type { ExportReport } from '../../../../shared/contract/export';
import type { AppError } from '../../../../shared/result';
import { invoke } from '../../lib/api';
import { useJobs } from '../jobs/jobs-store';

/** Follows one export job through the jobs store, and fetches its report once it has ended. */
export function useExportJob(jobId: number | null) {
  const job = useJobs().find((j) => j.id === jobId);
  const [report, setReport] = useState<ExportReport | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const ended = job !== undefined && job.status !== 'running';
  useEffect(() => {
    if (jobId === null || !ended) return;
    void invoke('export.report', { jobId }).then((r) => (r.ok ? setReport(r.value) : setError(r.error)));
  }, [jobId, ended]);
  return { job, report, error };
}
