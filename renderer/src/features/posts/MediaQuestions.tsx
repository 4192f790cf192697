import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../lib/query';
import { useMay } from '../faces/useMay';
import { AskForm } from './AskForm';
import './posts.css';

/** "In doubt? Ask" for one media item, with its open questions: while one is open, the item cannot be published. */
export function MediaQuestions({ mediaId }: { mediaId: number }) {
  const { t } = useTranslation();
  const canAsk = useMay('ask');
  const doubts = useCommand('doubts.list', { status: 'open', mine: false });
  const [asking, setAsking] = useState(false);
  const open = (doubts.data ?? []).filter((d) => d.mediaId === mediaId);
  return (
    <section className="detail-section media-questions" aria-label={t('publishing.posts.mediaQuestions')}>
      {open.length > 0 && (
        <div className="notice notice-warning">
          <div>
            <strong>{t('publishing.posts.mediaQuestions')}</strong>
            <ul className="doubt-list">
              {open.map((d) => (
                <li key={d.id}>
                  “{d.question}” <span className="muted">— {t('publishing.review.askedBy', { name: d.askedBy })} · {t('publishing.review.for', { name: d.identityName })}</span>
                </li>
              ))}
            </ul>
            <p>{t('publishing.posts.mediaBlocked')}</p>
          </div>
        </div>
      )}
      {canAsk && !asking && (
        <button type="button" className="button button-small" onClick={() => setAsking(true)}>
          {t('publishing.posts.ask')}
        </button>
      )}
      {asking && (
        <AskForm
          target={{ media: String(mediaId) }}
          onDone={() => {
            setAsking(false);
            doubts.refetch();
          }}
        />
      )}
    </section>
  );
}
