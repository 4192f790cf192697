import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { lockMinutesRange } from '../../../../shared/contract/users';
import { Field } from '../../components/Field';
import { useAction } from '../../lib/query';
import { FormError } from '../auth/FormError';
import { useSession } from '../auth/session-context';
import { useMay } from '../faces/useMay';

/** How long ClearFrame waits before locking itself: an admin setting, shown to everyone. */
export function LockTimeCard() {
  const { t } = useTranslation();
  const { status, refresh } = useSession();
  const canSet = useMay('settings');
  const save = useAction('users.setLockMinutes');
  const [minutes, setMinutes] = useState(String(status.lockMinutes));
  const [saved, setSaved] = useState<number | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    const result = await save.run({ minutes: Number(minutes) });
    if (!result) return;
    setSaved(result.lockMinutes);
    await refresh();
  };

  return (
    <section className="card" aria-labelledby="lock-time-title">
      <h2 id="lock-time-title">{t('profiles.lock.title')}</h2>
      <p className="muted">{t('profiles.lock.lead')}</p>
      {canSet ? (
        <form className="inline-row" onSubmit={(e) => void submit(e)}>
          <Field label={t('profiles.lock.minutes')} hint={t('profiles.lock.range', { min: lockMinutesRange.min, max: lockMinutesRange.max })}>
            <input type="number" inputMode="numeric" min={lockMinutesRange.min} max={lockMinutesRange.max} step={1} value={minutes} onChange={(e) => setMinutes(e.target.value)} required />
          </Field>
          <button type="submit" className="button button-primary" disabled={save.busy}>
            {t('profiles.lock.save')}
          </button>
        </form>
      ) : (
        <p>{t('profiles.lock.readOnly', { count: status.lockMinutes })}</p>
      )}
      {save.error && <FormError message={save.error.message} />}
      {saved !== null && (
        <p className="notice notice-success" role="status">
          {t('profiles.lock.done', { count: saved })}
        </p>
      )}
    </section>
  );
}
