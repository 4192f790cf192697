import { useTranslation } from 'react-i18next';
import { JobCard } from './JobCard';
import { isInline, useJobs } from './jobs-store';

/** Running and just-finished jobs, in the corner of every screen. */
export function JobsPanel({ open }: { open: boolean }) {
  const { t } = useTranslation();
  const jobs = useJobs().filter((j) => !isInline(j.id));
  if (!open || jobs.length === 0) return null;
  return (
    <section className="jobs-panel" aria-label={t('jobs.panel')} aria-live="polite">
      {jobs.slice(0, 3).map((job) => (
        <JobCard key={job.id} job={job} />
      ))}
    </section>
  );
}
