import { useTranslation } from 'react-i18next';
import type { Decision } from '../../../../shared/domain/decision';
import { useReasonTexts } from '../export/reason-text';

/** A media item's decision for the post's channel: the verdict, and for a blocked item each reason with its fix. */
export function DecisionView({ decision }: { decision: Decision }) {
  const { t } = useTranslation();
  const text = useReasonTexts();
  return (
    <div className="decision">
      <span className={`chip decision-${decision.decision}`}>{t(`publishing.decision.${decision.decision}`)}</span>
      {decision.decision === 'blocked' && (
        <ul className="decision-reasons">
          {decision.reasons.map((r, i) => (
            <li key={`${r.code}-${i}`}>
              {text.sentence(r)} <span className="muted">{text.fix(r)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
