import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon';
import { AccountMenu } from '../features/auth/AccountMenu';
import { languages, setLanguage, type Language } from '../i18n';
import { useCommand } from '../lib/query';

export function Header() {
  const { t, i18n } = useTranslation();
  const org = useCommand('org.get', {});
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">ClearFrame</span>
        {org.data && <span className="brand-foundation">{org.data.foundation.name}</span>}
      </div>
      <AccountMenu />
      <label className="language-switch">
        <Icon name="globe" />
        <span className="visually-hidden">{t('shell.language')}</span>
        <select value={i18n.language} onChange={(e) => setLanguage(e.target.value as Language)}>
          {languages.map((l) => (
            <option key={l.code} value={l.code} lang={l.code}>
              {l.label}
            </option>
          ))}
        </select>
      </label>
    </header>
  );
}
