import { useTranslation } from 'react-i18next';
import { consentStates } from '../../../../shared/domain/consent';
import { Icon } from '../../components/Icon';
import { stateIcons } from './consent-states';

export function ConsentLegend() {
  const { t } = useTranslation();
  return (
    <details className="legend">
      <summary>{t('consent.legendTitle')}</summary>
      <dl>
        {consentStates.map((s) => (
          <div key={s} className="legend-item">
            <dt className={`state state-${s}`}>
              <Icon name={stateIcons[s]} size={14} />
              <span className="state-label">{t(`consent.state.${s}`)}</span>
            </dt>
            <dd>{t(`consent.stateHelp.${s}`)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
