import { useTranslation } from 'react-i18next';
import { routeHref, type ImportTab } from '../../app/router';
import { Icon, type IconName } from '../../components/Icon';
import { CsvWizard } from './CsvWizard';
import { MediaImport } from './MediaImport';
import './import.css';

const tabs: { tab: ImportTab; icon: IconName }[] = [
  { tab: 'media', icon: 'image' },
  { tab: 'people', icon: 'users' },
  { tab: 'consents', icon: 'table' },
];

export function ImportScreen({ tab, batchId }: { tab: ImportTab; batchId?: number }) {
  const { t } = useTranslation();
  return (
    <div className="import-screen">
      <div className="screen-header">
        <h1>{t('import.title')}</h1>
      </div>
      <nav className="tabs" aria-label={t('import.what')}>
        {tabs.map((x) => (
          <a key={x.tab} href={routeHref({ screen: 'import', tab: x.tab })} aria-current={tab === x.tab ? 'page' : undefined}>
            <Icon name={x.icon} size={16} />
            {t(`import.tabs.${x.tab}`)}
          </a>
        ))}
      </nav>
      {tab === 'media' && <MediaImport batchId={batchId} />}
      {tab !== 'media' && <CsvWizard key={tab} kind={tab} />}
    </div>
  );
}
