import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MediaDetail } from '../../../../shared/contract/media';
import { licenses, type License } from '../../../../shared/types';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { useAction, useCommand } from '../../lib/query';

const text = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** Who made the photo, who owns it and under which licence it may be used: set by the school, per media item. */
export function RightsForm({ media }: { media: MediaDetail }) {
  const { t } = useTranslation();
  const org = useCommand('org.get', {});
  const update = useAction('media.update');
  const [saved, setSaved] = useState(false);
  const [form, setForm] = useState({
    creator: media.creator ?? '',
    rightsHolder: media.rightsHolder ?? '',
    license: media.license,
    credit: media.credit ?? '',
    eventName: media.eventName ?? '',
    schoolId: media.schoolId,
    classIds: media.classIds,
  });
  const change = (patch: Partial<typeof form>) => {
    setSaved(false);
    setForm((f) => ({ ...f, ...patch }));
  };
  const classes = (org.data?.classes ?? []).filter((c) => form.schoolId === null || c.schoolId === form.schoolId);
  const schoolName = (id: number) => org.data?.schools.find((s) => s.id === id)?.name ?? '';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = await update.run({
      media: String(media.id),
      creator: text(form.creator),
      rightsHolder: text(form.rightsHolder),
      license: form.license,
      credit: text(form.credit),
      eventName: text(form.eventName),
      schoolId: form.schoolId,
      classIds: form.classIds,
    });
    if (result) setSaved(true);
  };

  return (
    <form className="detail-section rights-form" onSubmit={(e) => void submit(e)} aria-labelledby="rights-title">
      <h3 id="rights-title">{t('rights.title')}</h3>
      <Field label={t('rights.creator')}>
        <input value={form.creator} onChange={(e) => change({ creator: e.target.value })} />
      </Field>
      <Field label={t('rights.rightsHolder')}>
        <input value={form.rightsHolder} onChange={(e) => change({ rightsHolder: e.target.value })} />
      </Field>
      <Field label={t('rights.license')} hint={t(`licenseHints.${form.license}`)}>
        <select value={form.license} onChange={(e) => change({ license: e.target.value as License })}>
          {licenses.map((l) => (
            <option key={l} value={l}>
              {t(`licenses.${l}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('rights.credit')} hint={t('rights.creditHint')}>
        <input value={form.credit} onChange={(e) => change({ credit: e.target.value })} />
      </Field>
      <Field label={t('rights.eventName')}>
        <input value={form.eventName} onChange={(e) => change({ eventName: e.target.value })} />
      </Field>
      <Field label={t('rights.school')}>
        <select
          value={form.schoolId ?? ''}
          onChange={(e) => {
            const schoolId = e.target.value === '' ? null : Number(e.target.value);
            const keep = (org.data?.classes ?? []).filter((c) => schoolId === null || c.schoolId === schoolId).map((c) => c.id);
            change({ schoolId, classIds: form.classIds.filter((id) => keep.includes(id)) });
          }}
        >
          <option value="">{t('rights.noSchool')}</option>
          {org.data?.schools.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </Field>
      <fieldset className="class-picker">
        <legend>{t('rights.classes')}</legend>
        {classes.length === 0 && <p className="muted">{t('rights.noClasses')}</p>}
        {classes.map((c) => (
          <label key={c.id} className="check">
            <input
              type="checkbox"
              checked={form.classIds.includes(c.id)}
              onChange={(e) =>
                change({ classIds: e.target.checked ? [...form.classIds, c.id] : form.classIds.filter((id) => id !== c.id) })
              }
            />
            {form.schoolId === null ? `${schoolName(c.schoolId)} — ${c.name}` : c.name}
          </label>
        ))}
      </fieldset>
      {update.error && <ErrorMessage error={update.error} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={update.busy}>
          {t('common.save')}
        </button>
        <span role="status" className="saved-status">
          {saved ? t('common.saved') : ''}
        </span>
      </div>
    </form>
  );
}
