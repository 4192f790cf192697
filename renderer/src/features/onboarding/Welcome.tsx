import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LibraryStatus } from '../../../../shared/contract/library';
import { routeHref } from '../../app/router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Icon } from '../../components/Icon';
import { ProgressBar } from '../../components/ProgressBar';
import { useAction } from '../../lib/query';
import { showInline, useJob } from '../jobs/jobs-store';
import './welcome.css';

/** What a new user sees on an empty library: try the demo school, or bring in their own people and photos. */
export function Welcome({ status }: { status: LibraryStatus }) {
  const { t } = useTranslation();
  const loadDemo = useAction('library.loadDemo');
  const [jobId, setJobId] = useState<number | null>(null);
  const job = useJob(jobId);
  useEffect(() => (jobId === null ? undefined : showInline(jobId)), [jobId]);
  const loading = loadDemo.busy || job?.status === 'running';

  const start = async () => {
    const started = await loadDemo.run({});
    if (started) setJobId(started.jobId);
  };

  return (
    <div className="welcome">
      <h1>{t('welcome.title')}</h1>
      <p className="welcome-lead">{t('welcome.lead')}</p>
      <div className="welcome-options">
        <section className="welcome-card welcome-card-primary">
          <Icon name="school" size={28} />
          <h2>{t('welcome.demoTitle')}</h2>
          <p>{t('welcome.demoText')}</p>
          {job?.status === 'running' ? (
            <div className="welcome-progress">
              <p>{job.total > 0 ? t('jobs.progress', { current: job.current, total: job.total }) : t('jobs.starting')}</p>
              <ProgressBar current={job.current} total={job.total} label={t('jobs.kind.demo')} />
            </div>
          ) : (
            <button type="button" className="button button-primary" onClick={() => void start()} disabled={loading}>
              {t('welcome.demoButton')}
            </button>
          )}
          {job?.status === 'failed' && job.error && <ErrorMessage error={job.error} />}
          {loadDemo.error && <ErrorMessage error={loadDemo.error} />}
        </section>
        <section className="welcome-card">
          <Icon name="table" size={28} />
          <h2>{t('welcome.peopleTitle')}</h2>
          <p>{t('welcome.peopleText')}</p>
          <a className="button" href={routeHref({ screen: 'import', tab: 'people' })}>
            {t('welcome.peopleButton')}
          </a>
        </section>
        <section className="welcome-card">
          <Icon name="image" size={28} />
          <h2>{t('welcome.mediaTitle')}</h2>
          <p>{t('welcome.mediaText')}</p>
          <a className="button" href={routeHref({ screen: 'import', tab: 'media' })}>
            {t('welcome.mediaButton')}
          </a>
        </section>
      </div>
      <p className="welcome-folder">
        {t('welcome.folder')} <code>{status.library}</code>
      </p>
    </div>
  );
}
