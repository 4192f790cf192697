import { useTranslation } from 'react-i18next';
import { SetPasswordForm } from './SetPasswordForm';

/** The desktop app's first question on a library without passwords: protect it now, or later. */
export function FirstStart({ admin, lockMinutes, onDone, onLater }: { admin: string; lockMinutes: number; onDone: () => void; onLater: () => void }) {
  const { t } = useTranslation();
  return (
    <main className="auth-screen">
      <section className="auth-card" aria-labelledby="first-start-title">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">ClearFrame</span>
        </div>
        <h1 id="first-start-title">{t('auth.password.firstTitle')}</h1>
        <p className="auth-lead">{t('auth.password.firstLead', { minutes: lockMinutes })}</p>
        <SetPasswordForm name={admin} onDone={onDone} onLater={onLater} />
      </section>
    </main>
  );
}
