import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Publication } from '../../../../shared/contract/export';
import { navigate, routeHref } from '../../app/router';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { useFormat } from '../../lib/format';
import { useCommand } from '../../lib/query';
import { usePeople } from '../faces/usePeople';
import { personName } from './person-name';
import { PublicationDetail } from './PublicationDetail';
import { useRegisterFilter } from './useRegisterFilter';
import './export.css';

/** The publication register (protocol rule 9): every export, who is in it, and what must be taken down. */
export function PublicationsScreen({ publicationId }: { publicationId?: number }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useRegisterFilter();
  const everything = useCommand('publications.list', {});
  const shown = useCommand('publications.list', { person: filter.person, toTakeDown: filter.toTakeDown });
  const people = usePeople();
  const channelNames = useChannelNames();
  // The person filter offers only people who are in some publication: anyone else would match nothing.
  const inRegister = useMemo(() => {
    const seen = new Map<number, string>();
    for (const p of everything.data ?? []) for (const person of [...p.visible, ...p.blurred]) seen.set(person.personId, personName(person, people.byId));
    return [...seen].sort((a, b) => a[1].localeCompare(b[1]));
  }, [everything.data, people.byId]);
  const open = (everything.data ?? []).find((p) => p.id === publicationId);
  const list = shown.data;

  return (
    <div className="publications-screen">
      <div className="screen-header">
        <h1>{t('exporting.publications.title')}</h1>
      </div>
      <p className="muted">{t('exporting.publications.lead')}</p>
      <div className="register-filters">
        <Field label={t('exporting.publications.person')}>
          <select value={filter.person ?? ''} onChange={(e) => setFilter({ ...filter, person: e.target.value || undefined })}>
            <option value="">{t('exporting.publications.anyone')}</option>
            {inRegister.map(([id, name]) => (
              <option key={id} value={String(id)}>
                {name}
              </option>
            ))}
          </select>
        </Field>
        <label className="checkbox">
          <input type="checkbox" checked={filter.toTakeDown} onChange={(e) => setFilter({ ...filter, toTakeDown: e.target.checked })} />
          <span>{t('exporting.publications.toTakeDown')}</span>
        </label>
      </div>
      {shown.error && <ErrorMessage error={shown.error} onRetry={shown.refetch} />}
      {!list && !shown.error && <Loading />}
      {list?.length === 0 &&
        (everything.data?.length === 0 ? (
          <EmptyState icon="table" title={t('exporting.publications.empty')} />
        ) : (
          <p className="muted">{t('exporting.publications.noMatch')}</p>
        ))}
      {list && list.length > 0 && <RegisterTable list={list} openId={publicationId} channelNames={channelNames} />}
      {open ? (
        <PublicationDetail
          publication={open}
          channelName={channelNames.get(open.channel) ?? open.channel}
          people={people.byId}
          onChanged={() => {
            everything.refetch();
            shown.refetch();
          }}
          onClose={() => navigate({ screen: 'publications' })}
        />
      ) : (
        list && list.length > 0 && <p className="muted">{t('exporting.publications.choose')}</p>
      )}
    </div>
  );
}

function useChannelNames(): Map<string, string> {
  const org = useCommand('org.get', {});
  return useMemo(() => new Map((org.data?.channels ?? []).map((c) => [c.key, c.name])), [org.data]);
}

function RegisterTable({ list, openId, channelNames }: { list: readonly Publication[]; openId?: number; channelNames: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const col = (key: string) => t(`exporting.publications.columns.${key}`);
  return (
    <table className="data-table register-table">
      <thead>
        <tr>
          {['id', 'date', 'by', 'identity', 'channel', 'files', 'visible', 'blurred', 'takeDown'].map((key) => (
            <th key={key} scope="col">
              {col(key)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {list.map((p) => (
          <tr key={p.id} aria-current={p.id === openId ? 'true' : undefined} className={p.takeDown === 'pending' ? 'register-pending' : undefined}>
            <td>
              <a href={routeHref({ screen: 'publications', publicationId: p.id })} aria-label={t('exporting.publications.open', { id: p.id })}>
                {p.id}
              </a>
            </td>
            <td>{format.dateTime(p.createdAt)}</td>
            <td>{p.by}</td>
            <td>{p.identityName}</td>
            <td>{channelNames.get(p.channel) ?? p.channel}</td>
            <td>{p.files.length}</td>
            <td>{p.visible.length}</td>
            <td>{p.blurred.length}</td>
            <td>{p.takeDown === 'none' ? t('exporting.publications.takeDown.none') : <span className={`chip takedown-${p.takeDown}`}>{t(`exporting.publications.takeDown.${p.takeDown}`)}</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
