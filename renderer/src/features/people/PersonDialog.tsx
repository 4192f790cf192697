import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../../../shared/contract/people';
import { personRoles, type Person, type PersonRole } from '../../../../shared/types';
import { Dialog } from '../../components/Dialog';
import { DialogFormFooter } from '../../components/DialogFormFooter';
import { Field } from '../../components/Field';
import { useAction } from '../../lib/query';

interface PersonDialogProps {
  org: Organisation;
  /** The person to edit; without it the dialog adds a new person. */
  person?: Person;
  /** Where a new person goes by default (the class or school on screen). */
  classId?: number;
  schoolId?: number;
  onClose: () => void;
  onSaved?: (person: Person) => void;
}

const orNull = (v: string): string | null => (v.trim() === '' ? null : v.trim());

export function PersonDialog({ org, person, classId, schoolId, onClose, onSaved }: PersonDialogProps) {
  const { t } = useTranslation();
  const create = useAction('people.create');
  const update = useAction('people.update');
  const startClass = person ? person.classId : (classId ?? null);
  const [form, setForm] = useState({
    firstName: person?.firstName ?? '',
    lastName: person?.lastName ?? '',
    role: person?.role ?? ((classId === undefined && schoolId !== undefined ? 'staff' : 'pupil') as PersonRole),
    schoolId: person?.schoolId ?? org.classes.find((c) => c.id === startClass)?.schoolId ?? schoolId ?? org.schools[0]?.id ?? null,
    classId: startClass,
    dateOfBirth: person?.dateOfBirth ?? '',
    externalId: person?.externalId ?? '',
  });
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const classes = org.classes.filter((c) => c.schoolId === form.schoolId);
  const busy = create.busy || update.busy;
  const error = create.error ?? update.error;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input = {
      firstName: form.firstName,
      lastName: form.lastName,
      role: form.role,
      schoolId: form.schoolId,
      classId: form.classId,
      dateOfBirth: orNull(form.dateOfBirth),
      externalId: orNull(form.externalId),
    };
    const saved = person ? await update.run({ ...input, id: person.id }) : await create.run(input);
    if (saved) {
      onSaved?.(saved);
      onClose();
    }
  };

  return (
    <Dialog title={person ? t('people.editTitle') : t('people.addTitle')} onClose={onClose}>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <div className="form-row">
          <Field label={t('people.firstName')}>
            <input required data-autofocus value={form.firstName} onChange={(e) => set({ firstName: e.target.value })} />
          </Field>
          <Field label={t('people.lastName')}>
            <input required value={form.lastName} onChange={(e) => set({ lastName: e.target.value })} />
          </Field>
        </div>
        <fieldset className="inline-choice">
          <legend>{t('people.roleLabel')}</legend>
          {personRoles.map((r) => (
            <label key={r} className="check">
              <input type="radio" name="role" checked={form.role === r} onChange={() => set({ role: r })} />
              {t(`people.role.${r}`)}
            </label>
          ))}
        </fieldset>
        <div className="form-row">
          <Field label={t('people.school')}>
            <select
              value={form.schoolId ?? ''}
              onChange={(e) => set({ schoolId: e.target.value === '' ? null : Number(e.target.value), classId: null })}
            >
              <option value="">{t('people.noSchool')}</option>
              {org.schools.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('people.class')}>
            <select value={form.classId ?? ''} onChange={(e) => set({ classId: e.target.value === '' ? null : Number(e.target.value) })}>
              <option value="">{t('people.noClass')}</option>
              {classes.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <div className="form-row">
          <Field label={t('people.dateOfBirth')} hint={form.role === 'pupil' ? t('people.dateOfBirthHint') : undefined}>
            <input type="date" value={form.dateOfBirth} max={new Date().toISOString().slice(0, 10)} onChange={(e) => set({ dateOfBirth: e.target.value })} />
          </Field>
          <Field label={t('people.externalId')} hint={t('people.externalIdHint')}>
            <input value={form.externalId} onChange={(e) => set({ externalId: e.target.value })} />
          </Field>
        </div>
        <DialogFormFooter submitLabel={person ? t('common.save') : t('people.add')} busy={busy} error={error} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
