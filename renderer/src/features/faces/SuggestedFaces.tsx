import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routeHref } from '../../app/router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Icon } from '../../components/Icon';
import { useFormat } from '../../lib/format';
import { useCommand } from '../../lib/query';
import { personName } from '../people/person-labels';
import { CropCaption } from './CropCaption';
import { FaceCrop } from './FaceCrop';
import { FaceGroupStatus } from './FaceGroupStatus';
import { formatDistance } from './face-states';
import { useDecide } from './useDecide';
import { useMay } from './useMay';
import { usePeople } from './usePeople';

/**
 * The open faces suggested as one person, all selected: the reviewer deselects the wrong ones and confirms the
 * rest in one action, or takes the suggestion back from the selected ones.
 */
export function SuggestedFaces({ personId }: { personId: number }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const people = usePeople();
  const canTag = useMay('tag');
  const faces = useCommand('faces.list', { suggestedPerson: String(personId), offset: 0, limit: 5000 });
  const [deselected, setDeselected] = useState(() => new Set<number>());
  const [done, setDone] = useState<{ kind: 'confirmed' | 'rejected'; count: number } | null>(null);
  const decide = useDecide(faces.refetch);
  const person = people.byId.get(personId);
  const name = person ? personName(person) : t('faces.unknownPerson');
  // Least alike first: the faces most likely to be someone else are the ones to look at.
  const list = useMemo(() => [...(faces.data ?? [])].sort((a, b) => (b.suggestionDistance ?? 0) - (a.suggestionDistance ?? 0)), [faces.data]);
  const selected = list.filter((f) => !deselected.has(f.id)).map((f) => f.id);

  const toggle = (id: number) =>
    setDeselected((d) => {
      const next = new Set(d);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const run = async (kind: 'confirmed' | 'rejected') => {
    const ids = selected;
    const ok = await decide.run(ids, kind === 'confirmed' ? { verdict: 'person', person: String(personId) } : { verdict: 'unreviewed' });
    if (ok) setDone({ kind, count: ids.length });
  };

  return (
    <div className="review-screen">
      <a className="back-link" href={routeHref({ screen: 'faces' })}>
        <Icon name="chevronLeft" size={16} />
        {t('faces.queue.back')}
      </a>
      <div className="screen-header">
        <h1>{t('faces.queue.suggestedGroup', { name })}</h1>
        {faces.data && <p className="screen-count">{t('faces.faceCount', { count: list.length, formatted: format.number(list.length) })}</p>}
      </div>
      <p className="muted review-lead">{t('faces.group.lead', { name })}</p>
      {done && (
        <p className="notice notice-success" role="status">
          <Icon name="check" />
          <span>{t(done.kind === 'confirmed' ? 'faces.group.confirmed' : 'faces.group.rejected', { count: done.count, name })}</span>
        </p>
      )}
      {decide.error && <ErrorMessage error={decide.error} />}
      <FaceGroupStatus faces={faces} left={list.length} />
      {list.length > 0 && (
        <>
          {canTag && (
            <div className="group-actions">
              <button type="button" className="button button-primary" disabled={decide.busy || selected.length === 0} onClick={() => void run('confirmed')}>
                <Icon name="check" size={16} />
                {t('faces.group.confirm', { count: selected.length, name })}
              </button>
              <button type="button" className="button" disabled={decide.busy || selected.length === 0} onClick={() => void run('rejected')}>
                <Icon name="x" size={16} />
                {t('faces.group.reject', { count: selected.length, name })}
              </button>
              <span className="group-select">
                <button type="button" className="link-button" onClick={() => setDeselected(new Set())}>
                  {t('faces.group.selectAll')}
                </button>
                <button type="button" className="link-button" onClick={() => setDeselected(new Set(list.map((f) => f.id)))}>
                  {t('faces.group.selectNone')}
                </button>
              </span>
            </div>
          )}
          <ul className="crop-grid" aria-label={t('faces.group.facesLabel', { name })}>
            {list.map((face, i) => (
              <li key={face.id} className={deselected.has(face.id) ? 'crop-card crop-card-off' : 'crop-card'}>
                <label>
                  <input type="checkbox" checked={!deselected.has(face.id)} disabled={!canTag} onChange={() => toggle(face.id)} />
                  <span className="visually-hidden">{t('faces.group.faceNumber', { index: i + 1, total: list.length })}</span>
                  <FaceCrop face={face} />
                </label>
                <CropCaption face={face} extra={t('faces.distance', { distance: formatDistance(face.suggestionDistance, i18n.language) })} />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
