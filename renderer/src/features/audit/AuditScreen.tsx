import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditFilter } from '../../../../shared/contract/audit';
import { EmptyState } from '../../components/EmptyState';
import { BackupCard } from '../backup/BackupCard';
import { ReportsCard } from '../gdpr/ReportsCard';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Icon } from '../../components/Icon';
import { Loading } from '../../components/Loading';
import { useAction, useCommand } from '../../lib/query';
import { useFormat } from '../../lib/format';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { downloadText } from './download';
import { IntegrityPanel } from './IntegrityPanel';
import { PersonTimeline } from './PersonTimeline';
import './audit.css';

const pageSize = 100;

/**
 * The auditor's view: who did what and when, filtered by person, channel, profile, action and days. With a
 * person chosen, their timeline in plain sentences comes first and the entries about them follow, oldest
 * first. The export is CSV with formulas neutralised.
 */
export function AuditScreen() {
  const { t } = useTranslation();
  const format = useFormat();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [page, setPage] = useState(0);
  const timeline = filter.person !== undefined;
  const list = useCommand('audit.list', { filter, order: timeline ? 'oldest' : 'newest', offset: page * pageSize, limit: pageSize });
  const exportCsv = useAction('audit.exportCsv');
  const [exported, setExported] = useState<{ rows: number; file: string } | null>(null);

  const changeFilter = (next: AuditFilter) => {
    setFilter(next);
    setPage(0);
    setExported(null);
  };
  const saveCsv = async () => {
    const result = await exportCsv.run({ filter });
    if (!result) return;
    const file = `clearframe-audit-${new Date().toISOString().slice(0, 10)}.csv`;
    downloadText(file, result.csv, 'text/csv;charset=utf-8');
    setExported({ rows: result.rows, file });
  };

  const total = list.data?.total ?? 0;
  const first = page * pageSize + 1;
  const last = Math.min(total, (page + 1) * pageSize);

  return (
    <div className="audit-screen">
      <div className="screen-header">
        <h1>{t('audit.title')}</h1>
        {list.data && <p className="screen-count">{t('audit.count', { count: total, formatted: format.number(total) })}</p>}
        <button type="button" className="button" disabled={exportCsv.busy || total === 0} onClick={() => void saveCsv()}>
          <Icon name="file" size={16} />
          {t('audit.exportCsv')}
        </button>
      </div>
      <p className="muted audit-lead">{t('audit.lead')}</p>
      <IntegrityPanel />
      <AuditFilters filter={filter} onChange={changeFilter} />
      <div aria-live="polite">
        {exportCsv.error && <ErrorMessage error={exportCsv.error} />}
        {exported && (
          <div className="notice notice-success">
            <Icon name="check" />
            <p>{t('audit.exported', { count: exported.rows, file: exported.file })}</p>
          </div>
        )}
      </div>
      {filter.person !== undefined && <PersonTimeline person={filter.person} />}
      {filter.person !== undefined && <h2 className="audit-timeline-title">{t('audit.entriesAbout')}</h2>}
      {list.error && <ErrorMessage error={list.error} onRetry={list.refetch} />}
      {!list.data && !list.error && <Loading />}
      {list.data && total === 0 && <EmptyState icon="clock" title={t('audit.empty')} />}
      {list.data && total > 0 && (
        <>
          <AuditTable entries={list.data.items} onPerson={(id) => changeFilter({ person: String(id) })} />
          {total > pageSize && (
            <nav className="audit-pager" aria-label={t('audit.pages')}>
              <button type="button" className="button button-small" disabled={page === 0} onClick={() => setPage(page - 1)}>
                {t('audit.previous')}
              </button>
              <span>{t('audit.range', { first: format.number(first), last: format.number(last), total: format.number(total) })}</span>
              <button type="button" className="button button-small" disabled={last >= total} onClick={() => setPage(page + 1)}>
                {t('audit.next')}
              </button>
            </nav>
          )}
        </>
      )}
      <ReportsCard />
      <BackupCard />
    </div>
  );
}
