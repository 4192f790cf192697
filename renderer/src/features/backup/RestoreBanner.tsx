import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import { useCommand } from '../../lib/query';
import { useFormat } from '../../lib/format';

/**
 * Shown on every screen while the library's database fails its check on opening. A restore needs the
 * library closed, so the app names the newest backup and the command that puts it back.
 */
export function RestoreBanner() {
  const status = useCommand('library.status', {});
  if (!status.data || status.data.integrity === 'ok') return null;
  return <RestoreOffer damage={status.data.integrity} library={status.data.library} />;
}

function RestoreOffer({ damage, library }: { damage: string; library: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const offer = useCommand('backup.list', {});
  const newest = offer.data?.backups[0];
  return (
    <div className="notice notice-error restore-banner" role="alert">
      <Icon name="alert" />
      <div>
        <strong>{t('backup.damaged')}</strong>
        <p>{t('backup.damageDetail', { damage })}</p>
        {newest ? (
          <>
            <p>{t('backup.restoreNewest', { date: format.dateTime(newest.createdAt) })}</p>
            <p>
              <code>clearframe restore "{newest.path}"</code>
            </p>
          </>
        ) : (
          offer.data && <p>{t('backup.noBackup', { library })}</p>
        )}
      </div>
    </div>
  );
}
