import { useTranslation } from 'react-i18next';
import { routeHref } from '../../app/router';
import { useFormat } from '../../lib/format';
import { useCommand } from '../../lib/query';

/** Earlier imports, newest first, each linking to its report. */
export function RecentImports({ currentId }: { currentId?: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const batches = useCommand('media.batches', {});
  const list = [...(batches.data ?? [])].sort((a, b) => b.id - a.id).slice(0, 10);
  if (list.length === 0) return null;
  return (
    <section className="recent-imports" aria-labelledby="recent-title">
      <h2 id="recent-title">{t('report.recent')}</h2>
      <ul>
        {list.map((b) => (
          <li key={b.id}>
            <a href={routeHref({ screen: 'import', tab: 'media', batchId: b.id })} aria-current={b.id === currentId ? 'page' : undefined}>
              {format.dateTime(b.startedAt)}
            </a>
            <span className="muted">
              {t('jobs.batchSummary', { imported: b.imported, duplicates: b.duplicates, failed: b.failed.length })}
            </span>
            {b.status !== 'done' && <span className={`chip chip-${b.status}`}>{t(`report.status.${b.status}`)}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
