import { useTranslation } from 'react-i18next';
import type { Decision } from '../../../../shared/domain/decision';

/** A media item's decision for the post's channel: the verdict, and for a blocked item each reason with its fix. */
export function DecisionView({ decision }: { decision: Decision }) {
  const { t } = useTranslation();
  return (
    <div className="decision">
      <span className={`chip decision-${decision.decision}`}>{t(`publishing.decision.${decision.decision}`)}</span>
      {decision.decision === 'blocked' && (
        <ul className="decision-reasons">
          {decision.reasons.map((r, i) => (
            <li key={`${r.code}-${i}`}>
              {r.message} <span className="muted">{r.fix}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
