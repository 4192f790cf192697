import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import { useAction } from '../../lib/query';
import { FormError } from './FormError';
import { lockedProfile } from './session-context';

/** Asks who is there. After a lock it knows the profile and only asks for its password. */
export function SignInScreen({ lockMinutes, onSignedIn }: { lockMinutes: number; onSignedIn: () => void }) {
  const { t } = useTranslation();
  const signIn = useAction('session.signIn');
  const [locked, setLocked] = useState(lockedProfile.get);
  const [name, setName] = useState(locked ?? '');
  const [password, setPassword] = useState('');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const status = await signIn.run({ name: name.trim(), password });
    setPassword('');
    if (status?.user) {
      lockedProfile.clear();
      onSignedIn();
    }
  };

  const otherProfile = () => {
    lockedProfile.clear();
    setLocked(null);
    setName('');
  };

  return (
    <main className="auth-screen">
      <section className="auth-card" aria-labelledby="sign-in-title">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">ClearFrame</span>
        </div>
        <h1 id="sign-in-title">{locked ? t('auth.signIn.lockedTitle') : t('auth.signIn.title')}</h1>
        <p className="auth-lead">{locked ? t('auth.signIn.locked', { minutes: lockMinutes, name: locked }) : t('auth.signIn.lead')}</p>
        <form className="auth-form" onSubmit={(e) => void submit(e)}>
          <Field label={t('auth.signIn.name')}>
            <input
              type="text"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              value={name}
              onChange={(e) => setName(e.target.value)}
              readOnly={locked !== null}
              required
              autoFocus={locked === null}
            />
          </Field>
          <Field label={t('auth.signIn.password')}>
            <input
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
              autoFocus={locked !== null}
            />
          </Field>
          {signIn.error && <FormError message={signIn.error.message} />}
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={signIn.busy}>
              {signIn.busy ? t('auth.signIn.busy') : t('auth.signIn.submit')}
            </button>
            {locked && (
              <button type="button" className="link-button" onClick={otherProfile}>
                {t('auth.signIn.otherProfile')}
              </button>
            )}
          </div>
        </form>
      </section>
    </main>
  );
}
