import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserInfo } from '../../../../shared/contract/users';
import type { Role } from '../../../../shared/domain/permissions';
import type { School } from '../../../../shared/types';
import { Dialog } from '../../components/Dialog';
import { DialogFormFooter } from '../../components/DialogFormFooter';
import { Field } from '../../components/Field';
import { useAction } from '../../lib/query';
import { FormError } from '../auth/FormError';
import { emptyPair, pairProblem, PasswordFields } from './PasswordFields';
import { RolePicker } from './RolePicker';

interface DoneProps {
  onClose: () => void;
  /** Called with the sentence to show once the change is made. */
  onDone: (message: string) => void;
}

/** A text key, like pairProblem's. */
function rolesProblem(roles: Role[], schools: string[]): string | null {
  if (roles.length === 0) return 'profiles.form.pickRole';
  if (roles.includes('management') && schools.length === 0) return 'profiles.form.pickSchool';
  return null;
}

/** A new profile: name, roles (with schools for management) and an initial password. */
export function AddProfileDialog({ allSchools, onClose, onDone }: DoneProps & { allSchools: School[] }) {
  const { t } = useTranslation();
  const add = useAction('users.add');
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<Role[]>(['staff']);
  const [schools, setSchools] = useState<string[]>([]);
  const [pair, setPair] = useState(emptyPair);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const wrong = rolesProblem(roles, schools) ?? pairProblem(pair);
    setProblem(wrong);
    if (wrong) return;
    const user = await add.run({ name: name.trim(), roles, schools, password: pair.password });
    if (user) onDone(t('profiles.form.added', { name: user.name }));
  };
  return (
    <Dialog title={t('profiles.form.addTitle')} onClose={onClose}>
      <form className="auth-form" onSubmit={(e) => void submit(e)} noValidate>
        <Field label={t('profiles.form.name')} hint={t('profiles.form.nameHint')}>
          <input type="text" autoComplete="off" autoCapitalize="none" spellCheck={false} value={name} onChange={(e) => setName(e.target.value)} data-autofocus required />
        </Field>
        <RolePicker chosen={roles} schools={schools} allSchools={allSchools} onChange={(r, s) => (setRoles(r), setSchools(s), setProblem(null))} />
        <PasswordFields value={pair} onChange={(p) => (setPair(p), setProblem(null))} label={t('profiles.form.password')} hint={t('profiles.form.passwordHint')} />
        {problem && <FormError message={t(problem)} />}
        <DialogFormFooter submitLabel={t('profiles.form.add')} busy={add.busy} error={add.error} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

export function RolesDialog({ user, allSchools, onClose, onDone }: DoneProps & { user: UserInfo; allSchools: School[] }) {
  const { t } = useTranslation();
  const save = useAction('users.setRoles');
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [schools, setSchools] = useState<string[]>(user.schools);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const wrong = rolesProblem(roles, schools);
    setProblem(wrong);
    if (wrong) return;
    if (await save.run({ name: user.name, roles, schools })) onDone(t('profiles.form.saved', { name: user.name }));
  };
  return (
    <Dialog title={t('profiles.form.rolesTitle', { name: user.name })} onClose={onClose}>
      <form className="auth-form" onSubmit={(e) => void submit(e)} noValidate>
        <RolePicker chosen={roles} schools={schools} allSchools={allSchools} onChange={(r, s) => (setRoles(r), setSchools(s), setProblem(null))} />
        {problem && <FormError message={t(problem)} />}
        <DialogFormFooter submitLabel={t('profiles.form.save')} busy={save.busy} error={save.error} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

export function ResetPasswordDialog({ user, onClose, onDone }: DoneProps & { user: UserInfo }) {
  const { t } = useTranslation();
  const reset = useAction('users.setPassword');
  const [pair, setPair] = useState(emptyPair);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const wrong = pairProblem(pair);
    setProblem(wrong);
    if (wrong) return;
    if (await reset.run({ name: user.name, password: pair.password })) onDone(t('profiles.reset.done', { name: user.name }));
  };
  return (
    <Dialog title={t('profiles.reset.title', { name: user.name })} onClose={onClose}>
      <p className="auth-lead">{t('profiles.reset.lead', { name: user.name })}</p>
      <form className="auth-form" onSubmit={(e) => void submit(e)} noValidate>
        <input type="text" name="username" autoComplete="off" value={user.name} readOnly hidden />
        <PasswordFields value={pair} onChange={(p) => (setPair(p), setProblem(null))} autoFocus />
        {problem && <FormError message={t(problem)} />}
        <DialogFormFooter submitLabel={t('profiles.reset.save')} busy={reset.busy} error={reset.error} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

export function RemoveDialog({ user, onClose, onDone }: DoneProps & { user: UserInfo }) {
  const { t } = useTranslation();
  const remove = useAction('users.remove');
  const confirm = async () => {
    if (await remove.run({ name: user.name })) onDone(t('profiles.remove.done', { name: user.name }));
  };
  return (
    <Dialog title={t('profiles.remove.title', { name: user.name })} onClose={onClose}>
      <p className="auth-lead">{t('profiles.remove.lead', { name: user.name })}</p>
      {remove.error && <FormError message={remove.error.message} />}
      <div className="form-actions">
        <button type="button" className="button button-danger" disabled={remove.busy} onClick={() => void confirm()}>
          {t('profiles.remove.confirm', { name: user.name })}
        </button>
        <button type="button" className="button button-quiet" onClick={onClose} data-autofocus>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
