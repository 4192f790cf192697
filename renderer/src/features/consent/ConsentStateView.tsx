import { useTranslation } from 'react-i18next';
import type { ConsentEvaluation } from '../../../../shared/domain/consent';
import { Icon } from '../../components/Icon';
import { useFormat } from '../../lib/format';
import { stateIcons } from './consent-states';

/** The short second line of a cell: until when a consent holds, or when it ran out. */
export function useStateDetail() {
  const { t } = useTranslation();
  const format = useFormat();
  return (cell: ConsentEvaluation): string => {
    const until = cell.record?.validUntil;
    if (cell.state === 'granted') return until ? t('consent.until', { date: format.date(until) }) : t('consent.noEnd');
    if (cell.state === 'expired' && until) return t('consent.endedOn', { date: format.date(until) });
    if (cell.state === 'needs_pupil' || cell.state === 'invalid_giver') return t(`consent.givenBy.${cell.record?.givenBy ?? 'guardian'}`);
    return '';
  };
}

export function ConsentStateView({ cell }: { cell: ConsentEvaluation }) {
  const { t } = useTranslation();
  const detail = useStateDetail()(cell);
  return (
    <span className={`state state-${cell.state}`}>
      <Icon name={stateIcons[cell.state]} size={15} />
      <span className="state-text">
        <span className="state-label">{t(`consent.state.${cell.state}`)}</span>
        {detail && <span className="state-detail">{detail}</span>}
      </span>
    </span>
  );
}
