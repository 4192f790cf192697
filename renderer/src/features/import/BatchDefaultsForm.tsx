import { useTranslation } from 'react-i18next';
import { licenses, type License } from '../../../../shared/types';
import { Field } from '../../components/Field';
import { useCommand } from '../../lib/query';
import type { ImportDefaults } from './useMediaImport';

/** Rights that apply to every file of one import, e.g. all photos of the sports day by the same parent. */
export function BatchDefaultsForm({ value, onChange }: { value: ImportDefaults; onChange: (v: ImportDefaults) => void }) {
  const { t } = useTranslation();
  const org = useCommand('org.get', {});
  const text = (key: 'creator' | 'rightsHolder' | 'credit' | 'eventName', label: string) => (
    <Field label={label}>
      <input value={value[key] ?? ''} onChange={(e) => onChange({ ...value, [key]: e.target.value === '' ? undefined : e.target.value })} />
    </Field>
  );
  return (
    <details className="batch-defaults">
      <summary>{t('mediaImport.defaultsTitle')}</summary>
      <p className="muted">{t('mediaImport.defaultsText')}</p>
      <div className="form-grid">
        {text('eventName', t('rights.eventName'))}
        {text('creator', t('rights.creator'))}
        {text('rightsHolder', t('rights.rightsHolder'))}
        {text('credit', t('rights.credit'))}
        <Field label={t('rights.license')}>
          <select
            value={value.license ?? ''}
            onChange={(e) => onChange({ ...value, license: e.target.value === '' ? undefined : (e.target.value as License) })}
          >
            <option value="">{t('mediaImport.licenseNotSet')}</option>
            {licenses.map((l) => (
              <option key={l} value={l}>
                {t(`licenses.${l}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('rights.school')}>
          <select
            value={value.schoolId ?? ''}
            onChange={(e) => onChange({ ...value, schoolId: e.target.value === '' ? undefined : Number(e.target.value) })}
          >
            <option value="">{t('rights.noSchool')}</option>
            {org.data?.schools.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
    </details>
  );
}
