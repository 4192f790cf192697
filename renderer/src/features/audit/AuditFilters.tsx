import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditFilter } from '../../../../shared/contract/audit';
import type { Person } from '../../../../shared/types';
import { useCommand } from '../../lib/query';
import { actionLabel } from './audit-words';

const personLabel = (p: Person) => `${p.firstName} ${p.lastName}${p.externalId ? ` (${p.externalId})` : ''}`;

/** Narrows the log: every field maps one-to-one onto the 'audit.list' filter. */
export function AuditFilters({ filter, onChange }: { filter: AuditFilter; onChange: (filter: AuditFilter) => void }) {
  const { t, i18n } = useTranslation();
  const org = useCommand('org.get', {});
  const people = useCommand('people.list', {});
  const facets = useCommand('audit.facets', {});
  const chosen = people.data?.find((p) => String(p.id) === filter.person);
  const [personText, setPersonText] = useState('');

  // The field shows the chosen person, also when the choice came from a click in the table.
  useEffect(() => setPersonText(chosen ? personLabel(chosen) : ''), [chosen]);

  const set = (patch: Partial<AuditFilter>) => {
    const next: AuditFilter = { ...filter, ...patch };
    for (const k of Object.keys(next) as (keyof AuditFilter)[]) if (next[k] === undefined || next[k] === '') delete next[k];
    onChange(next);
  };
  const pickPerson = (text: string) => {
    setPersonText(text);
    if (text === '') set({ person: undefined });
    const match = people.data?.find((p) => personLabel(p) === text);
    if (match) set({ person: String(match.id) });
  };
  const actions = (facets.data?.actions ?? []).map((a) => ({ a, label: actionLabel(t, i18n, a) })).sort((x, y) => x.label.localeCompare(y.label));

  return (
    <form className="filters audit-filters" aria-label={t('audit.filters')} onSubmit={(e) => e.preventDefault()}>
      <label className="filter">
        <span>{t('audit.person')}</span>
        <input list="audit-people" value={personText} placeholder={t('audit.personPlaceholder')} onChange={(e) => pickPerson(e.target.value)} />
        <datalist id="audit-people">
          {people.data?.map((p) => <option key={p.id} value={personLabel(p)} />)}
        </datalist>
      </label>
      <label className="filter">
        <span>{t('audit.channel')}</span>
        <select value={filter.channel ?? ''} onChange={(e) => set({ channel: e.target.value || undefined })}>
          <option value="">{t('audit.allChannels')}</option>
          {org.data?.channels.map((c) => (
            <option key={c.key} value={c.key}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span>{t('audit.actor')}</span>
        <select value={filter.actor ?? ''} onChange={(e) => set({ actor: e.target.value || undefined })}>
          <option value="">{t('audit.everyone')}</option>
          {facets.data?.actors.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span>{t('audit.action')}</span>
        <select value={filter.action ?? ''} onChange={(e) => set({ action: e.target.value || undefined })}>
          <option value="">{t('audit.allActions')}</option>
          {actions.map(({ a, label }) => (
            <option key={a} value={a}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span>{t('audit.from')}</span>
        <input type="date" value={filter.from ?? ''} max={filter.to} onChange={(e) => set({ from: e.target.value || undefined })} />
      </label>
      <label className="filter">
        <span>{t('audit.to')}</span>
        <input type="date" value={filter.to ?? ''} min={filter.from} onChange={(e) => set({ to: e.target.value || undefined })} />
      </label>
      {Object.keys(filter).length > 0 && (
        <button type="button" className="button button-quiet" onClick={() => onChange({})}>
          {t('audit.clear')}
        </button>
      )}
    </form>
  );
}
