import { useEffect, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MediaFilter } from '../../../../shared/contract/media';
import { navigate, routeHref } from '../../app/router';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Icon } from '../../components/Icon';
import { Loading } from '../../components/Loading';
import { filesFromDrop } from '../../lib/dropped-files';
import { useFormat } from '../../lib/format';
import { useCommand } from '../../lib/query';
import { ExportDialog } from '../export/ExportDialog';
import { useMediaImport } from '../import/useMediaImport';
import { Welcome } from '../onboarding/Welcome';
import { LibraryFilters } from './LibraryFilters';
import { MediaDetail } from './MediaDetail';
import { MediaGrid } from './MediaGrid';
import { SelectionBar } from './SelectionBar';
import { useGridSelection } from './useGridSelection';
import { useMediaPages } from './useMediaPages';
import './library.css';

const filterKey = 'clearframe.libraryFilter';

function useStoredFilter(): [MediaFilter, (f: MediaFilter) => void] {
  const [filter, setFilter] = useState<MediaFilter>(() => JSON.parse(sessionStorage.getItem(filterKey) ?? '{}') as MediaFilter);
  return [
    filter,
    (f) => {
      sessionStorage.setItem(filterKey, JSON.stringify(f));
      setFilter(f);
    },
  ];
}

function Library({ mediaId }: { mediaId?: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [filter, setFilter] = useStoredFilter();
  const pages = useMediaPages(filter);
  const [active, setActive] = useState(0);
  const [dragging, setDragging] = useState(false);
  const upload = useMediaImport();
  const selection = useGridSelection(filter, pages.total, pages.item, active);
  const [exporting, setExporting] = useState<'check' | 'export' | null>(null);

  useEffect(() => setActive(0), [filter]);

  const open = (index: number) => {
    const tile = pages.item(index);
    if (tile) navigate({ screen: 'library', mediaId: tile.id });
  };
  const step = (delta: number) => {
    const next = active + delta;
    if (pages.total === null || next < 0 || next >= pages.total) return;
    setActive(next);
    open(next);
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void filesFromDrop(e.dataTransfer).then((files) => upload.importFiles(files));
  };
  const filtered = Object.keys(filter).length > 0;
  // Previous/next follow the grid only when the detail was opened from it (not from a link to one item).
  const fromGrid = mediaId !== undefined && pages.item(active)?.id === mediaId;

  return (
    <div
      className="library"
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <div className="screen-header">
        <h1>{t('library.title')}</h1>
        {pages.total !== null && <p className="screen-count">{t('library.count', { count: pages.total, formatted: format.number(pages.total) })}</p>}
        <a className="button" href={routeHref({ screen: 'import', tab: 'media' })}>
          <Icon name="upload" />
          {t('library.import')}
        </a>
      </div>
      <LibraryFilters filter={filter} onChange={setFilter} />
      {upload.error && <ErrorMessage error={upload.error} />}
      {pages.error && <ErrorMessage error={pages.error} onRetry={pages.retry} />}
      {pages.total === null && !pages.error && <Loading />}
      {pages.total === 0 &&
        (filtered ? (
          <EmptyState icon="grid" title={t('library.noMatchTitle')}>
            <p>{t('library.noMatchText')}</p>
            <button type="button" className="button" onClick={() => setFilter({})}>
              {t('library.clearFilters')}
            </button>
          </EmptyState>
        ) : (
          <EmptyState icon="image" title={t('library.emptyTitle')}>
            <p>{t('library.emptyText')}</p>
            <a className="button button-primary" href={routeHref({ screen: 'import', tab: 'media' })}>
              {t('library.import')}
            </a>
          </EmptyState>
        ))}
      {pages.total !== null && pages.total > 0 && (
        <>
          <SelectionBar
            count={selection.ids.size}
            error={selection.error}
            onCheck={() => setExporting('check')}
            onExport={() => setExporting('export')}
            onClear={selection.clear}
          />
          <MediaGrid
            total={pages.total}
            item={pages.item}
            ensure={pages.ensure}
            active={active}
            onActiveChange={setActive}
            onOpen={open}
            isSelected={selection.isSelected}
            onToggle={selection.toggle}
            onExtend={selection.extend}
            onSelectAll={selection.selectAll}
            onClear={selection.clear}
          />
        </>
      )}
      {exporting && <ExportDialog mediaIds={[...selection.ids]} mode={exporting} onClose={() => setExporting(null)} />}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <Icon name="upload" size={40} />
          <p>{t('library.dropHere')}</p>
        </div>
      )}
      {mediaId !== undefined && (
        <MediaDetail
          mediaId={mediaId}
          onClose={() => navigate({ screen: 'library' })}
          onPrevious={fromGrid && active > 0 ? () => step(-1) : undefined}
          onNext={fromGrid && pages.total !== null && active < pages.total - 1 ? () => step(1) : undefined}
        />
      )}
    </div>
  );
}

/** The library: the welcome screen while it is empty, the grid of photos and videos after that. */
export function LibraryScreen({ mediaId }: { mediaId?: number }) {
  const status = useCommand('library.status', {});
  if (status.error && !status.data) return <ErrorMessage error={status.error} onRetry={status.refetch} />;
  if (!status.data) return <Loading />;
  if (status.data.empty) return <Welcome status={status.data} />;
  return <Library mediaId={mediaId} />;
}
