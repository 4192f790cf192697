import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupReport } from '../../../../shared/contract/backup';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Icon } from '../../components/Icon';
import { useAction, useCommand } from '../../lib/query';
import { useFormat } from '../../lib/format';

/** One-click backup into the library's backups folder, and the backups there that a restore can use. */
export function BackupCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useCommand('backup.list', {});
  const create = useAction('backup.create');
  const [made, setMade] = useState<BackupReport | null>(null);

  const backUp = async () => {
    setMade(null);
    const report = await create.run({ withMedia: false });
    if (report) {
      setMade(report);
      list.refetch();
    }
  };

  const backups = list.data?.backups ?? [];
  return (
    <section className="card" aria-labelledby="backup-title">
      <h2 id="backup-title">{t('backup.title')}</h2>
      <p className="muted">{t('backup.text')}</p>
      <div className="button-row">
        <button type="button" className="button" disabled={create.busy} onClick={() => void backUp()}>
          <Icon name="folder" size={16} />
          {create.busy ? t('backup.making') : t('backup.make')}
        </button>
      </div>
      <div aria-live="polite">
        {create.error && <ErrorMessage error={create.error} />}
        {made && (
          <div className="notice notice-success">
            <Icon name="check" />
            <p>{t('backup.made', { path: made.path, count: made.audit.entries })}</p>
          </div>
        )}
      </div>
      {backups.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('backup.columns.when')}</th>
              <th scope="col">{t('backup.columns.kind')}</th>
              <th scope="col">{t('backup.columns.size')}</th>
              <th scope="col">{t('backup.columns.path')}</th>
            </tr>
          </thead>
          <tbody>
            {backups.slice(0, 10).map((b) => (
              <tr key={b.path}>
                <td>{format.dateTime(b.createdAt)}</td>
                <td>{t(`backup.kinds.${b.kind}`)}</td>
                <td>{format.bytes(b.bytes)}</td>
                <td className="path">{b.path}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
