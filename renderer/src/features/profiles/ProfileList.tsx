import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserInfo } from '../../../../shared/contract/users';
import { lastAdminRefusal } from '../../../../shared/domain/profile-rules';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Icon } from '../../components/Icon';
import { Loading } from '../../components/Loading';
import { useFormat } from '../../lib/format';
import { useCommand } from '../../lib/query';
import { useSession } from '../auth/session-context';
import { AddProfileDialog, RemoveDialog, ResetPasswordDialog, RolesDialog } from './ProfileDialogs';

type Open = { kind: 'add' } | { kind: 'roles' | 'reset' | 'remove'; user: UserInfo } | null;

/** Every profile with its roles and schools, and the admin's changes to them. */
export function ProfileList() {
  const { t } = useTranslation();
  const format = useFormat();
  const { status, refresh } = useSession();
  const users = useCommand('users.list', {});
  const org = useCommand('org.get', {});
  const [open, setOpen] = useState<Open>(null);
  const [message, setMessage] = useState<string | null>(null);
  const me = status.user?.name.toLowerCase();
  const allSchools = org.data?.schools ?? [];
  const schoolName = (key: string) => allSchools.find((s) => s.key === key)?.name ?? key;

  const done = (sentence: string) => {
    setOpen(null);
    setMessage(sentence);
    users.refetch();
    // One's own roles may have changed: the screens read them from the session.
    void refresh();
  };

  return (
    <section className="card" aria-labelledby="profiles-list-title">
      <div className="card-header-row">
        <h2 id="profiles-list-title">{t('profiles.list.title')}</h2>
        <button type="button" className="button button-primary" onClick={() => (setMessage(null), setOpen({ kind: 'add' }))}>
          <Icon name="plus" size={16} />
          {t('profiles.list.add')}
        </button>
      </div>
      {message && (
        <p className="notice notice-success" role="status">
          {message}
        </p>
      )}
      {users.error && <ErrorMessage error={users.error} onRetry={users.refetch} />}
      {!users.data && !users.error && <Loading />}
      {users.data && (
        <table className="data-table profiles-table">
          <thead>
            <tr>
              <th scope="col">{t('profiles.list.name')}</th>
              <th scope="col">{t('profiles.list.roles')}</th>
              <th scope="col">{t('profiles.list.schools')}</th>
              <th scope="col">{t('profiles.list.password')}</th>
              <th scope="col">{t('profiles.list.created')}</th>
              <th scope="col">{t('profiles.list.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {users.data.map((u) => {
              const self = u.name.toLowerCase() === me;
              const lastAdmin = lastAdminRefusal(users.data!, u.name, null) !== null;
              return (
                <tr key={u.id}>
                  <th scope="row">
                    {u.name} {self && <span className="muted">{t('profiles.list.you')}</span>}
                  </th>
                  <td>{u.roles.map((r) => t(`auth.account.roles.${r}`)).join(', ')}</td>
                  <td>{u.schools.map(schoolName).join(', ')}</td>
                  <td>{u.hasPassword ? t('profiles.list.hasPassword') : t('profiles.list.noPassword')}</td>
                  <td>{format.date(u.createdAt.slice(0, 10))}</td>
                  <td>
                    <div className="button-row">
                      <button
                        type="button"
                        className="button button-small"
                        aria-label={`${t('profiles.list.editRoles')}: ${u.name}`}
                        onClick={() => (setMessage(null), setOpen({ kind: 'roles', user: u }))}
                      >
                        {t('profiles.list.editRoles')}
                      </button>
                      {!self && (
                        <>
                          <button
                            type="button"
                            className="button button-small"
                            aria-label={`${t('profiles.list.resetPassword')}: ${u.name}`}
                            onClick={() => (setMessage(null), setOpen({ kind: 'reset', user: u }))}
                          >
                            {t('profiles.list.resetPassword')}
                          </button>
                          <button
                            type="button"
                            className="button button-small button-quiet"
                            aria-label={`${t('profiles.list.remove')}: ${u.name}`}
                            disabled={lastAdmin}
                            title={lastAdmin ? t('profiles.list.lastAdmin') : undefined}
                            onClick={() => (setMessage(null), setOpen({ kind: 'remove', user: u }))}
                          >
                            {t('profiles.list.remove')}
                          </button>
                        </>
                      )}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {open?.kind === 'add' && <AddProfileDialog allSchools={allSchools} onClose={() => setOpen(null)} onDone={done} />}
      {open?.kind === 'roles' && <RolesDialog user={open.user} allSchools={allSchools} onClose={() => setOpen(null)} onDone={done} />}
      {open?.kind === 'reset' && <ResetPasswordDialog user={open.user} onClose={() => setOpen(null)} onDone={done} />}
      {open?.kind === 'remove' && <RemoveDialog user={open.user} onClose={() => setOpen(null)} onDone={done} />}
    </section>
  );
}
