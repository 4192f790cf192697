import { useTranslation } from 'react-i18next';
import { navigate, routeHref } from '../../app/router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Icon } from '../../components/Icon';
import { Loading } from '../../components/Loading';
import { useFormat } from '../../lib/format';
import { useCommand } from '../../lib/query';
import { useImportReasonTexts } from './import-reason-text';

/** Opens the library filtered to one import batch. */
export function showBatchInLibrary(batchId: number): void {
  sessionStorage.setItem('clearframe.libraryFilter', JSON.stringify({ batchId }));
  navigate({ screen: 'library' });
}

/** A failed file's path as seen from the folder the user chose, which is shorter and says the same. */
function shortPath(path: string, roots: string[]): string {
  const root = roots.find((r) => path.startsWith(`${r}/`) || path.startsWith(`${r}\\`));
  return root ? path.slice(root.length + 1) : path;
}

/** The outcome of one import: how many files came in, were already there, or failed, and why each failure happened. */
export function BatchReport({ batchId }: { batchId: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const reasons = useImportReasonTexts();
  const batch = useCommand('media.batch', { batchId });
  const data = batch.data?.id === batchId ? batch.data : undefined;
  if (batch.error) return <ErrorMessage error={batch.error} onRetry={batch.refetch} />;
  if (!data) return <Loading />;
  return (
    <section className="batch-report" aria-labelledby="batch-title">
      <div className="report-header">
        <h2 id="batch-title">{t('report.title', { date: format.dateTime(data.startedAt) })}</h2>
        <span className={`chip chip-${data.status}`}>{t(`report.status.${data.status}`)}</span>
      </div>
      <p className="muted">{t('report.roots', { count: data.roots.length, roots: data.roots.join(', ') })}</p>
      <div className="stats">
        <div className="stat stat-ok" data-testid="report-imported">
          <Icon name="check" />
          <strong>{format.number(data.imported)}</strong>
          <span>{t('report.imported')}</span>
        </div>
        <div className="stat stat-neutral" data-testid="report-duplicates">
          <Icon name="minus" />
          <strong>{format.number(data.duplicates)}</strong>
          <span>{t('report.duplicates')}</span>
        </div>
        <div className={data.failed.length > 0 ? 'stat stat-bad' : 'stat stat-neutral'} data-testid="report-failed">
          <Icon name="alert" />
          <strong>{format.number(data.failed.length)}</strong>
          <span>{t('report.failed')}</span>
        </div>
      </div>
      {data.status === 'interrupted' && <p className="notice notice-warning">{t('report.interrupted')}</p>}
      {data.failed.length > 0 && (
        <>
          <h3>{t('report.failedTitle')}</h3>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('report.file')}</th>
                <th scope="col">{t('report.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {data.failed.map((f) => (
                <tr key={f.path}>
                  <td className="path" title={f.path}>
                    {shortPath(f.path, data.roots)}
                  </td>
                  <td data-code={f.code}>{reasons.failure(f)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <div className="form-actions">
        {data.imported > 0 && (
          <button type="button" className="button button-primary" onClick={() => showBatchInLibrary(data.id)}>
            {t('report.showInLibrary')}
          </button>
        )}
        <a className="button" href={routeHref({ screen: 'import', tab: 'media' })}>
          {t('report.importMore')}
        </a>
      </div>
    </section>
  );
}
