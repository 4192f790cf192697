import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';

/** Mirrors the core's rule, so a form can say so before sending; the core checks again. */
const minLength = 8;

export interface PasswordPair {
  password: string;
  again: string;
}

export const emptyPair: PasswordPair = { password: '', again: '' };

/** What is wrong with a new password typed twice, as a text key (shown in whatever language is chosen); null when it may be sent. */
export function pairProblem(pair: PasswordPair): string | null {
  if ([...pair.password].length < minLength) return 'auth.password.tooShort';
  if (pair.password !== pair.again) return 'auth.password.mismatch';
  return null;
}

/** A new password, typed twice. */
export function PasswordFields({ value, onChange, label, hint, autoFocus }: { value: PasswordPair; onChange: (v: PasswordPair) => void; label?: string; hint?: string; autoFocus?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={label ?? t('auth.password.new')} hint={hint ?? t('auth.password.newHint')}>
        <input
          type="password"
          autoComplete="new-password"
          value={value.password}
          onChange={(e) => onChange({ ...value, password: e.target.value })}
          data-autofocus={autoFocus ? true : undefined}
        />
      </Field>
      <Field label={t('auth.password.again')}>
        <input type="password" autoComplete="new-password" value={value.again} onChange={(e) => onChange({ ...value, again: e.target.value })} />
      </Field>
    </>
  );
}
