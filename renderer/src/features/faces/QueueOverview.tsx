import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routeHref } from '../../app/router';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Icon } from '../../components/Icon';
import { Loading } from '../../components/Loading';
import { useFormat } from '../../lib/format';
import { useAction, useCommand } from '../../lib/query';
import { personName } from '../people/person-labels';
import { FaceSettingsDialog } from './FaceSettingsDialog';
import { useMay } from './useMay';

/** The open faces of the whole library, grouped by the person suggested for them, largest groups first. */
export function QueueOverview() {
  const { t } = useTranslation();
  const format = useFormat();
  const queue = useCommand('faces.queue', {});
  const detect = useAction('faces.detect');
  const suggest = useAction('faces.suggest');
  const canTag = useMay('tag');
  const canSettings = useMay('settings');
  const [settings, setSettings] = useState(false);
  const groups = queue.data ?? [];
  const total = groups.reduce((n, g) => n + g.faces, 0);

  return (
    <div className="review-screen">
      <div className="screen-header">
        <h1>{t('faces.queue.title')}</h1>
        {queue.data && <p className="screen-count">{t('faces.queue.count', { count: total, formatted: format.number(total) })}</p>}
        <div className="toolbar review-actions">
          {canTag && (
            <>
              <button type="button" className="button" disabled={detect.busy} onClick={() => void detect.run({ all: true, force: false })}>
                <Icon name="faceScan" size={16} />
                {t('faces.queue.detectAll')}
              </button>
              <button type="button" className="button" disabled={suggest.busy} onClick={() => void suggest.run({})}>
                <Icon name="sparkle" size={16} />
                {t('faces.queue.suggest')}
              </button>
            </>
          )}
          {canSettings && (
            <button type="button" className="button" onClick={() => setSettings(true)}>
              <Icon name="settings" size={16} />
              {t('faces.settings.open')}
            </button>
          )}
        </div>
      </div>
      <p className="muted review-lead">{t('faces.queue.lead')}</p>
      {detect.error && <ErrorMessage error={detect.error} />}
      {suggest.error && <ErrorMessage error={suggest.error} />}
      {queue.error && <ErrorMessage error={queue.error} onRetry={queue.refetch} />}
      {!queue.data && !queue.error && <Loading />}
      {queue.data && groups.length === 0 && (
        <EmptyState icon="check" title={t('faces.queue.emptyTitle')}>
          <p>{t('faces.queue.emptyText')}</p>
        </EmptyState>
      )}
      {groups.length > 0 && (
        <ul className="review-groups">
          {groups.map((g) => {
            const person = g.suggestedPerson;
            const href = routeHref({ screen: 'faces', group: person ? person.id : 'none' });
            const counts = t('faces.queue.groupCount', {
              faces: t('faces.faceCount', { count: g.faces, formatted: format.number(g.faces) }),
              media: t('faces.mediaCount', { count: g.media, formatted: format.number(g.media) }),
            });
            return (
              <li key={person?.id ?? 'none'} className={person ? 'review-group' : 'review-group review-group-none'}>
                <Icon name={person ? 'sparkle' : 'help'} size={22} />
                <div className="review-group-text">
                  <h2>{person ? t('faces.queue.suggestedGroup', { name: personName(person) }) : t('faces.queue.noSuggestion')}</h2>
                  <p className="muted">{counts}</p>
                </div>
                <a className="button button-primary" href={href}>
                  {person ? t('faces.queue.review') : t('faces.queue.tagOneByOne')}
                  <Icon name="chevronRight" size={16} />
                </a>
              </li>
            );
          })}
        </ul>
      )}
      {settings && <FaceSettingsDialog onClose={() => setSettings(false)} />}
    </div>
  );
}
