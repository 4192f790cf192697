import { useTranslation } from 'react-i18next';
import { routeHref } from '../../app/router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { mediaUrl } from '../../lib/api';
import { useCommand } from '../../lib/query';
import './faces.css';

const shown = 24;

/** Every photo and video this person is tagged in, newest first, each a link to the media view. */
export function PersonMediaSection({ personId }: { personId: number }) {
  const { t } = useTranslation();
  const appearances = useCommand('faces.ofPerson', { person: String(personId) });
  const list = appearances.data ?? [];
  return (
    <section className="person-media" aria-labelledby={`tagged-${personId}`}>
      <h3 id={`tagged-${personId}`}>{t('faces.person.title')}</h3>
      {appearances.error && <ErrorMessage error={appearances.error} onRetry={appearances.refetch} />}
      {appearances.data && list.length === 0 && <p className="muted small">{t('faces.person.none')}</p>}
      {list.length > 0 && (
        <>
          <p className="muted small">{t('faces.person.count', { count: list.length })}</p>
          <ul className="person-media-grid">
            {list.slice(0, shown).map((a, i) => (
              <li key={a.mediaId}>
                <a href={routeHref({ screen: 'library', mediaId: a.mediaId })}>
                  <img src={mediaUrl('thumb', a.mediaId)} alt={t('faces.person.thumb', { index: i + 1, count: a.faceIds.length })} loading="lazy" />
                </a>
              </li>
            ))}
          </ul>
          {list.length > shown && <p className="muted small">{t('faces.person.more', { count: list.length - shown })}</p>}
        </>
      )}
    </section>
  );
}
