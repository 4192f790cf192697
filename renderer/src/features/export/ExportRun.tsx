import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routeHref } from '../../app/router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ProgressBar } from '../../components/ProgressBar';
import { useAction } from '../../lib/query';
import { ReasonList } from './ReasonList';
import { useExportJob } from './useExportJob';

const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/** A running export with its progress and cancel, then its report: what was written where, and what was held back. */
export function ExportRun({ jobId, onDone }: { jobId: number; onDone: () => void }) {
  const { t } = useTranslation();
  const { job, report, error } = useExportJob(jobId);
  const cancel = useAction('jobs.cancel');
  const [copied, setCopied] = useState(false);
  // The form the user pressed Export in is gone: focus goes to what replaced it, first the progress, then the report.
  const shown = useRef<HTMLElement>(null);
  const ended = report !== null;
  useEffect(() => shown.current?.focus(), [ended]);

  if (error) return <ErrorMessage error={error} />;
  if (!report) {
    const label = t('exporting.progress.title');
    return (
      <section ref={shown} tabIndex={-1} className="export-progress" aria-label={label}>
        <p role="status">{job && job.total > 0 ? t('exporting.progress.running', { current: job.current, total: job.total }) : t('exporting.progress.starting')}</p>
        <ProgressBar current={job?.current ?? 0} total={job?.total ?? 0} label={label} />
        {cancel.error && <ErrorMessage error={cancel.error} />}
        <button type="button" className="button" disabled={cancel.busy || !job} onClick={() => void cancel.run({ id: jobId })}>
          {t('exporting.progress.cancel')}
        </button>
      </section>
    );
  }

  const copy = () => void navigator.clipboard?.writeText(report.outDir).then(() => setCopied(true), () => undefined);
  return (
    <section ref={shown} tabIndex={-1} className="export-report" aria-label={t('exporting.report.title')}>
      <div className={`notice ${report.exported.length > 0 ? 'notice-success' : 'notice-warning'}`} role="status">
        <div>
          {report.status === 'cancelled' && <p>{t('exporting.report.cancelled')}</p>}
          {report.status === 'failed' && <p>{t('exporting.report.failed', { error: job?.error?.message ?? '' })}</p>}
          {report.status === 'done' && (
            <p>
              {report.exported.length > 0
                ? t('exporting.report.written', { count: report.exported.length, dir: report.outDir })
                : t('exporting.report.nothingWritten')}
            </p>
          )}
        </div>
      </div>
      {report.exported.length > 0 && (
        <>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('exporting.report.file')}</th>
                <th scope="col">{t('exporting.report.blurs')}</th>
              </tr>
            </thead>
            <tbody>
              {report.exported.map((f) => (
                <tr key={f.file}>
                  <td>
                    <a href={routeHref({ screen: 'library', mediaId: f.mediaId })}>{baseName(f.file)}</a>
                  </td>
                  <td>{t('exporting.report.blurredCount', { count: f.blurred })}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="button-row">
            <button type="button" className="button" onClick={copy}>
              {copied ? t('exporting.report.copied') : t('exporting.report.copyPath')}
            </button>
            {report.publicationId !== null && (
              <a className="button" href={routeHref({ screen: 'publications', publicationId: report.publicationId })} onClick={onDone}>
                {t('exporting.report.register')}
              </a>
            )}
          </div>
        </>
      )}
      {report.blocked.length > 0 && (
        <>
          <h3>{t('exporting.report.blockedTitle')}</h3>
          <ul className="report-blocked">
            {report.blocked.map((b) => (
              <li key={b.mediaId}>
                <span className="decision-name">{b.name}</span>
                <ReasonList reasons={b.reasons} mediaId={b.mediaId} name={b.name} />
              </li>
            ))}
          </ul>
        </>
      )}
      {report.failed.length > 0 && (
        <>
          <h3>{t('exporting.report.failedTitle')}</h3>
          <ul>
            {report.failed.map((f) => (
              <li key={f.mediaId}>
                {f.name}: {f.error}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
