import { useTranslation } from 'react-i18next';
import type { BlockReason } from '../../../../shared/domain/decision-reasons';
import { routeHref } from '../../app/router';
import { useReasonTexts } from './reason-text';

/** Reasons that are fixed outside the media's own page: a channel choice, or the sound option of this dialog. */
const fixedElsewhere = new Set(['not_official_channel', 'audio_rights']);

/** Each reason a media item is blocked, said in the UI's language, with the action that fixes it and a link to where that is done. */
export function ReasonList({ reasons, mediaId, name }: { reasons: readonly BlockReason[]; mediaId: number; name: string }) {
  const { t } = useTranslation();
  const text = useReasonTexts();
  return (
    <ul className="reason-list">
      {reasons.map((r, i) => (
        <li key={`${r.code}-${i}`}>
          <strong>{text.title(r)}</strong> {text.sentence(r)}
          <span className="reason-fix">
            {text.fix(r)}{' '}
            {r.code === 'open_doubt' ? (
              <a href={routeHref({ screen: 'review' })}>{t('exporting.decision.openQuestions')}</a>
            ) : (
              !fixedElsewhere.has(r.code) && <a href={routeHref({ screen: 'library', mediaId })}>{t('exporting.decision.openMedia', { name })}</a>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}
