import { useTranslation } from 'react-i18next';
import type { Channel, ConsentRecord } from '../../../../shared/types';
import { Icon } from '../../components/Icon';
import { useFormat } from '../../lib/format';
import { channelName, stateIcons } from './consent-states';

/** Every answer ever recorded for a person, oldest first; nothing here is ever changed or removed. */
export function ConsentHistory({ history, channels }: { history: ConsentRecord[]; channels: Channel[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const byKey = new Map(channels.map((c) => [c.key, c]));
  const ordered = [...history].sort((a, b) => a.recordedAt.localeCompare(b.recordedAt) || a.id - b.id);
  if (ordered.length === 0) return <p className="muted">{t('history.empty')}</p>;
  return (
    <ol className="history" aria-label={t('history.title')}>
      {ordered.map((r) => (
        <li key={r.id} className="history-item" data-testid="history-item">
          <div className="history-head">
            <span className={`state state-${r.status}`}>
              <Icon name={stateIcons[r.status]} size={14} />
              <span className="state-label">{t(`consent.status.${r.status}`)}</span>
            </span>
            <strong>{channelName(t, byKey.get(r.channel) ?? { key: r.channel, name: r.channel })}</strong>
          </div>
          <dl className="history-details">
            <dt>{t('history.givenBy')}</dt>
            <dd>{t(`consent.givenBy.${r.givenBy}`)}</dd>
            <dt>{t('history.givenOn')}</dt>
            <dd>{format.date(r.givenOn)}</dd>
            <dt>{t('history.validUntil')}</dt>
            <dd>{r.validUntil ? format.date(r.validUntil) : '—'}</dd>
            <dt>{t('history.recorded')}</dt>
            <dd>{t('history.recordedBy', { when: format.dateTime(r.recordedAt), who: r.recordedBy, source: t(`history.source.${r.source}`) })}</dd>
            {r.note && (
              <>
                <dt>{t('history.note')}</dt>
                <dd>{r.note}</dd>
              </>
            )}
          </dl>
        </li>
      ))}
    </ol>
  );
}
