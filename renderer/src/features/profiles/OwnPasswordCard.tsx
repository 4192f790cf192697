import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import { useAction } from '../../lib/query';
import { FormError } from '../auth/FormError';
import { SetPasswordForm } from '../auth/SetPasswordForm';
import { useSession } from '../auth/session-context';
import { emptyPair, pairProblem, PasswordFields } from './PasswordFields';

/** Everyone changes their own password here, with the current one; a single-user library sets its first one. */
export function OwnPasswordCard() {
  const { t } = useTranslation();
  const { status, refresh } = useSession();
  const change = useAction('users.setPassword');
  const [current, setCurrent] = useState('');
  const [pair, setPair] = useState(emptyPair);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const user = status.user;
  if (!user) return null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    const wrong = pairProblem(pair);
    setProblem(wrong);
    if (wrong) return;
    const changed = await change.run({ name: user.name, password: pair.password, currentPassword: current });
    setCurrent('');
    if (!changed) return;
    setPair(emptyPair);
    setDone(true);
  };

  return (
    <section className="card" aria-labelledby="own-password-title">
      <h2 id="own-password-title">{t('profiles.own.title')}</h2>
      {status.mode === 'single-user' ? (
        <>
          <p className="notice notice-warning">{t('profiles.own.singleUser')}</p>
          <div className="profile-form">
            <SetPasswordForm name={user.name} onDone={() => void refresh()} />
          </div>
        </>
      ) : (
        <>
          <p className="muted">{t('profiles.own.lead', { name: user.name })}</p>
          <form className="auth-form profile-form" onSubmit={(e) => void submit(e)} noValidate>
            <input type="text" name="username" autoComplete="username" value={user.name} readOnly hidden />
            <Field label={t('profiles.own.current')}>
              <input type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
            </Field>
            <PasswordFields value={pair} onChange={(p) => (setPair(p), setProblem(null))} />
            {problem && <FormError message={t(problem)} />}
            {change.error && <FormError message={change.error.message} />}
            {done && (
              <p className="notice notice-success" role="status">
                {t('profiles.own.done')}
              </p>
            )}
            <div className="form-actions">
              <button type="submit" className="button button-primary" disabled={change.busy}>
                {t('profiles.own.save')}
              </button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}
