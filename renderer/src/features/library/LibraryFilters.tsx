import { useTranslation } from 'react-i18next';
import { mediaFaceStates, type MediaFilter } from '../../../../shared/contract/media';
import { mediaKinds } from '../../../../shared/types';
import { useCommand } from '../../lib/query';
import { useFormat } from '../../lib/format';

const numberOrUndefined = (value: string): number | undefined => (value === '' ? undefined : Number(value));

/** Narrows the grid: every filter maps one-to-one onto the 'media.list' filter. */
export function LibraryFilters({ filter, onChange }: { filter: MediaFilter; onChange: (filter: MediaFilter) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const org = useCommand('org.get', {});
  const batches = useCommand('media.batches', {});
  const set = (patch: Partial<MediaFilter>) => {
    const next: MediaFilter = { ...filter, ...patch };
    for (const k of Object.keys(next) as (keyof MediaFilter)[]) if (next[k] === undefined || next[k] === '') delete next[k];
    onChange(next);
  };
  const classes = (org.data?.classes ?? []).filter((c) => filter.schoolId === undefined || c.schoolId === filter.schoolId);
  const schoolName = (id: number) => org.data?.schools.find((s) => s.id === id)?.name ?? '';
  const active = Object.keys(filter).length > 0;

  return (
    <form className="filters" aria-label={t('library.filters')} onSubmit={(e) => e.preventDefault()}>
      <label className="filter">
        <span>{t('library.from')}</span>
        <input type="date" value={filter.from ?? ''} max={filter.to} onChange={(e) => set({ from: e.target.value || undefined })} />
      </label>
      <label className="filter">
        <span>{t('library.to')}</span>
        <input type="date" value={filter.to ?? ''} min={filter.from} onChange={(e) => set({ to: e.target.value || undefined })} />
      </label>
      <label className="filter">
        <span>{t('library.school')}</span>
        <select
          value={filter.schoolId ?? ''}
          onChange={(e) => set({ schoolId: numberOrUndefined(e.target.value), classId: undefined })}
        >
          <option value="">{t('library.allSchools')}</option>
          {org.data?.schools.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span>{t('library.class')}</span>
        <select value={filter.classId ?? ''} onChange={(e) => set({ classId: numberOrUndefined(e.target.value) })}>
          <option value="">{t('library.allClasses')}</option>
          {classes.map((c) => (
            <option key={c.id} value={c.id}>
              {filter.schoolId === undefined ? `${schoolName(c.schoolId)} — ${c.name}` : c.name}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span>{t('library.kindLabel')}</span>
        <select value={filter.kind ?? ''} onChange={(e) => set({ kind: (e.target.value || undefined) as MediaFilter['kind'] })}>
          <option value="">{t('library.allKinds')}</option>
          {mediaKinds.map((k) => (
            <option key={k} value={k}>
              {t(`library.kinds.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span>{t('library.batch')}</span>
        <select value={filter.batchId ?? ''} onChange={(e) => set({ batchId: numberOrUndefined(e.target.value) })}>
          <option value="">{t('library.allBatches')}</option>
          {batches.data?.map((b) => (
            <option key={b.id} value={b.id}>
              {t('library.batchOption', { date: format.dateTime(b.startedAt), count: b.imported })}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span>{t('library.facesLabel')}</span>
        <select value={filter.faces ?? ''} onChange={(e) => set({ faces: (e.target.value || undefined) as MediaFilter['faces'] })}>
          <option value="">{t('library.allFaceStates')}</option>
          {mediaFaceStates.map((s) => (
            <option key={s} value={s}>
              {t(`library.faceStates.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="filter filter-check">
        <input type="checkbox" checked={filter.hasErrors ?? false} onChange={(e) => set({ hasErrors: e.target.checked || undefined })} />
        <span>{t('library.onlyProblems')}</span>
      </label>
      {active && (
        <button type="button" className="button button-quiet" onClick={() => onChange({})}>
          {t('library.clearFilters')}
        </button>
      )}
    </form>
  );
}
