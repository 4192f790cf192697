import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import { useAction } from '../../lib/query';
import { FormError } from './FormError';

/** Mirrors the core's rule, so the form can say so before sending; the core checks again. */
const minLength = 8;

interface SetPasswordFormProps {
  /** The profile whose password is set: the admin at first start. */
  name: string;
  onDone: () => void;
  /** Offered at first start: go on without a password for now. */
  onLater?: () => void;
}

export function SetPasswordForm({ name, onDone, onLater }: SetPasswordFormProps) {
  const { t } = useTranslation();
  const setPassword = useAction('users.setPassword');
  const [password, setValue] = useState('');
  const [again, setAgain] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if ([...password].length < minLength) return setProblem(t('auth.password.tooShort'));
    if (password !== again) return setProblem(t('auth.password.mismatch'));
    setProblem(null);
    if (await setPassword.run({ name, password })) onDone();
  };

  return (
    <form className="auth-form" onSubmit={(e) => void submit(e)} noValidate>
      <input type="text" name="username" autoComplete="username" value={name} readOnly hidden />
      <Field label={t('auth.password.new')} hint={t('auth.password.newHint')}>
        <input type="password" autoComplete="new-password" value={password} onChange={(e) => setValue(e.target.value)} data-autofocus autoFocus />
      </Field>
      <Field label={t('auth.password.again')}>
        <input type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} />
      </Field>
      {problem && <FormError message={problem} />}
      {setPassword.error && <FormError message={setPassword.error.message} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={setPassword.busy}>
          {t('auth.password.save')}
        </button>
        {onLater && (
          <button type="button" className="button button-quiet" onClick={onLater}>
            {t('auth.password.later')}
          </button>
        )}
      </div>
      {onLater && <p className="auth-note">{t('auth.password.laterHint')}</p>}
    </form>
  );
}
