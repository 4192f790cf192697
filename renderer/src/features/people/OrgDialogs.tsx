import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../../../shared/contract/people';
import type { SchoolClass } from '../../../../shared/types';
import { Dialog } from '../../components/Dialog';
import { DialogFormFooter } from '../../components/DialogFormFooter';
import { Field } from '../../components/Field';
import { useAction } from '../../lib/query';
import { schoolKeyFrom } from './keys';

export function AddSchoolDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const create = useAction('schools.create');
  const [name, setName] = useState('');
  const [key, setKey] = useState<string | null>(null);
  const shownKey = key ?? schoolKeyFrom(name);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await create.run({ name, key: shownKey })) onClose();
  };
  return (
    <Dialog title={t('org.addSchool')} onClose={onClose}>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <Field label={t('org.schoolName')}>
          <input required data-autofocus value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label={t('org.schoolKey')} hint={t('org.schoolKeyHint')}>
          <input required pattern="[a-z0-9][a-z0-9_\-]{0,39}" value={shownKey} onChange={(e) => setKey(e.target.value)} />
        </Field>
        <DialogFormFooter submitLabel={t('org.addSchool')} busy={create.busy} error={create.error} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

export function AddClassDialog({ org, schoolId, onClose, onCreated }: { org: Organisation; schoolId?: number; onClose: () => void; onCreated: (c: SchoolClass) => void }) {
  const { t } = useTranslation();
  const create = useAction('classes.create');
  const [school, setSchool] = useState(schoolId ?? org.schools[0]?.id ?? 0);
  const [name, setName] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const created = await create.run({ schoolId: school, name });
    if (created) {
      onCreated(created);
      onClose();
    }
  };
  return (
    <Dialog title={t('org.addClass')} onClose={onClose}>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <Field label={t('org.school')}>
          <select value={school} onChange={(e) => setSchool(Number(e.target.value))}>
            {org.schools.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('org.className')} hint={t('org.classNameHint')}>
          <input required data-autofocus value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <DialogFormFooter submitLabel={t('org.addClass')} busy={create.busy} error={create.error} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
