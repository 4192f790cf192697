import { useTranslation } from 'react-i18next';
import { ProgressBar } from '../../components/ProgressBar';
import { Icon } from '../../components/Icon';
import { routeHref } from '../../app/router';
import { useAction, useCommand } from '../../lib/query';
import { ErrorMessage } from '../../components/ErrorMessage';
import { dismissJob, type TrackedJob } from './jobs-store';
import './jobs.css';

function BatchSummary({ batchId }: { batchId: number }) {
  const { t } = useTranslation();
  const { data } = useCommand('media.batch', { batchId });
  return (
    <p className="job-summary">
      {data && t('jobs.batchSummary', { imported: data.imported, duplicates: data.duplicates, failed: data.failed.length })}{' '}
      <a href={routeHref({ screen: 'import', tab: 'media', batchId })}>{t('jobs.viewReport')}</a>
    </p>
  );
}

/** One job: progress with cancel while it runs, a short summary with a link to the report when it ends. */
export function JobCard({ job }: { job: TrackedJob }) {
  const { t } = useTranslation();
  const cancel = useAction('jobs.cancel');
  const running = job.status === 'running';
  const title = t(`jobs.kind.${job.kind}`);
  return (
    <article className={`job-card job-${job.status}`} aria-label={title}>
      <header>
        <Icon name={job.status === 'failed' ? 'alert' : job.status === 'done' ? 'check' : 'activity'} />
        <h3>{title}</h3>
        {!running && <span className="job-status">{t(`jobs.status.${job.status}`)}</span>}
        {!running && (
          <button type="button" className="icon-button" aria-label={t('jobs.dismiss')} onClick={() => dismissJob(job.id)}>
            <Icon name="x" size={16} />
          </button>
        )}
      </header>
      {running ? (
        <>
          <p className="job-step">
            {job.total > 0 ? t('jobs.progress', { current: job.current, total: job.total }) : t('jobs.starting')}
            {job.step && <span className="job-file"> — {job.step}</span>}
          </p>
          <ProgressBar current={job.current} total={job.total} label={title} />
          <button type="button" className="button button-small" disabled={cancel.busy} onClick={() => void cancel.run({ id: job.id })}>
            {t('common.cancel')}
          </button>
          {cancel.error && <ErrorMessage error={cancel.error} />}
        </>
      ) : (
        <>
          {job.error && job.status === 'failed' && <ErrorMessage error={job.error} />}
          {job.batchId !== null && <BatchSummary batchId={job.batchId} />}
        </>
      )}
    </article>
  );
}
