import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { Icon } from '../../components/Icon';
import { SetPasswordForm } from './SetPasswordForm';
import { endSession, useSession } from './session-context';

/** Who is signed in, with lock and sign-out; in a single-user library, the way to set the admin password. */
export function AccountMenu() {
  const { t } = useTranslation();
  const { status, refresh } = useSession();
  const [setting, setSetting] = useState(false);
  const user = status.user;
  if (!user) return null;
  const roles = user.roles.map((r) => t(`auth.account.roles.${r}`)).join(', ');

  return (
    <div className="account" role="group" aria-label={t('auth.account.menu')}>
      <Icon name="user" />
      <span className="account-name">{user.name}</span>
      {status.mode === 'single-user' ? (
        <>
          <span className="account-roles">{t('auth.account.noPassword')}</span>
          <button type="button" className="button button-small" onClick={() => setSetting(true)}>
            {t('auth.account.setPassword')}
          </button>
        </>
      ) : (
        <>
          <span className="account-roles">{roles}</span>
          <button type="button" className="button button-small button-quiet" onClick={() => void endSession(user.name, true)}>
            {t('auth.account.lock')}
          </button>
          <button type="button" className="button button-small" onClick={() => void endSession(user.name, false)}>
            {t('auth.account.signOut')}
          </button>
        </>
      )}
      {setting && (
        <Dialog title={t('auth.password.setTitle')} onClose={() => setSetting(false)}>
          <p className="auth-lead">{t('auth.password.setLead', { minutes: status.lockMinutes })}</p>
          <SetPasswordForm
            name={user.name}
            onDone={() => {
              setSetting(false);
              void refresh();
            }}
          />
        </Dialog>
      )}
    </div>
  );
}
