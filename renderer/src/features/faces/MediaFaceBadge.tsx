import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { MediaFaceSummary } from '../../../../shared/contract/faces';
import { Icon, type IconName } from '../../components/Icon';
import './faces.css';

/** What a media item's faces come to, in words: not looked at yet, n still to review, none, or all resolved. */
export function faceSummaryText(summary: MediaFaceSummary, t: TFunction): string {
  if (summary.state === 'not_detected') return t('faces.summary.notDetected');
  if (summary.state === 'unresolved') return t('faces.summary.toReview', { count: summary.unresolved });
  return summary.total === 0 ? t('faces.summary.noFaces') : t('faces.summary.resolved', { count: summary.total });
}

function look(summary: MediaFaceSummary): { state: string; icon: IconName; short: string } {
  if (summary.state === 'not_detected') return { state: 'not_detected', icon: 'faceScan', short: '?' };
  if (summary.state === 'unresolved') return { state: 'unresolved', icon: 'help', short: String(summary.unresolved) };
  if (summary.total === 0) return { state: 'no_faces', icon: 'faceScan', short: '0' };
  return { state: 'resolved', icon: 'check', short: String(summary.total) };
}

/**
 * A media item's faces at a glance. `compact` (the library grid's tiles) shows an icon and a number,
 * with the words as a tooltip and for screen readers.
 */
export function MediaFaceBadge({ summary, compact = false }: { summary: MediaFaceSummary; compact?: boolean }) {
  const { t } = useTranslation();
  const { state, icon, short } = look(summary);
  const text = faceSummaryText(summary, t);
  const className = `face-badge face-badge-${state.replace('_', '-')}${compact ? ' face-badge-compact' : ''}`;
  if (!compact) {
    return (
      <span className={className} data-state={state}>
        <Icon name={icon} size={15} />
        {text}
      </span>
    );
  }
  return (
    <span className={className} data-state={state} title={text}>
      <Icon name={icon} size={13} />
      <span aria-hidden="true">{short}</span>
      <span className="visually-hidden">{text}</span>
    </span>
  );
}
