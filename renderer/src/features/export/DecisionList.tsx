import { useTranslation } from 'react-i18next';
import type { CheckedMedia } from '../../../../shared/contract/export';
import { mediaUrl } from '../../lib/api';
import { blurCount } from './decision-counts';
import { ReasonList } from './ReasonList';

/** A selection of the whole library can hold 100,000 items; the page shows the first ones, the summary counts all. */
const shownAtMost = 300;

/** The decision for each selected item on the chosen channel, blocked items first: they need action. */
export function DecisionList({ checked, previewId, onPreview }: { checked: readonly CheckedMedia[]; previewId: number | null; onPreview: (id: number) => void }) {
  const { t } = useTranslation();
  const order = { blocked: 0, redact: 1, publishable: 2 };
  const sorted = [...checked].sort((a, b) => order[a.decision.decision] - order[b.decision.decision]);
  const hidden = sorted.length - shownAtMost;
  return (
    <ul className="decision-list" aria-label={t('exporting.decision.listLabel')}>
      {sorted.slice(0, shownAtMost).map((c) => (
        <li key={c.mediaId} className={c.mediaId === previewId ? 'decision-item decision-item-previewed' : 'decision-item'} data-testid={`decision-${c.mediaId}`}>
          <img src={mediaUrl('thumb', c.mediaId)} alt="" loading="lazy" />
          <div className="decision-body">
            <div className="decision-head">
              <span className="decision-name">{c.name}</span>
              <span className={`chip verdict-${c.decision.decision}`}>
                {c.decision.decision === 'redact'
                  ? t('exporting.decision.redact', { count: blurCount(c.decision) })
                  : t(`exporting.decision.${c.decision.decision}`)}
              </span>
              <button type="button" className="button button-small" aria-pressed={c.mediaId === previewId} onClick={() => onPreview(c.mediaId)}>
                {t('exporting.decision.preview')}
                <span className="visually-hidden"> {c.name}</span>
              </button>
            </div>
            {c.decision.decision === 'blocked' && <ReasonList reasons={c.decision.reasons} mediaId={c.mediaId} name={c.name} />}
          </div>
        </li>
      ))}
      {hidden > 0 && <li className="decision-more muted">{t('exporting.decision.more', { count: hidden })}</li>}
    </ul>
  );
}
