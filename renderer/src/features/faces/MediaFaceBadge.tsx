import { useTranslation } from 'react-i18next';
import type { MediaFaceSummary } from '../../../../shared/contract/faces';
import { Icon } from '../../components/Icon';

/** A media item's faces at a glance: not looked at yet, n still to review, or all resolved. */
export function MediaFaceBadge({ summary }: { summary: MediaFaceSummary }) {
  const { t } = useTranslation();
  if (summary.state === 'not_detected') {
    return (
      <span className="face-badge face-badge-none" data-state="not_detected">
        <Icon name="faceScan" size={15} />
        {t('faces.summary.notDetected')}
      </span>
    );
  }
  if (summary.state === 'unresolved') {
    return (
      <span className="face-badge face-badge-open" data-state="unresolved">
        <Icon name="help" size={15} />
        {t('faces.summary.toReview', { count: summary.unresolved })}
      </span>
    );
  }
  return (
    <span className="face-badge face-badge-done" data-state="resolved">
      <Icon name="check" size={15} />
      {summary.total === 0 ? t('faces.summary.noFaces') : t('faces.summary.resolved', { count: summary.total })}
    </span>
  );
}
