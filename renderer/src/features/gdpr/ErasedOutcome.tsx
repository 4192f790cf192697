import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErasureResult } from '../../../../shared/contract/gdpr';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Icon } from '../../components/Icon';
import { useAction } from '../../lib/query';

/**
 * What an erasure leaves for the admin to decide: original files that carry the name inside them, and
 * backups made before it that still hold the person (deleted here after a second confirmation).
 */
export function ErasedOutcome({ result, name, onClose }: { result: ErasureResult; name: string; onClose: () => void }) {
  const { t } = useTranslation();
  const remover = useAction('backup.deleteOlder');
  const [asking, setAsking] = useState(false);
  const [deleted, setDeleted] = useState<number | null>(null);

  const deleteBackups = async () => {
    const r = await remover.run({ before: result.erasedAt, confirm: true });
    if (r) {
      setDeleted(r.deleted.length);
      setAsking(false);
    }
  };

  return (
    <div className="gdpr-outcome">
      <div className="notice notice-success" role="status">
        <Icon name="check" />
        <p>{t('gdpr.requests.erased', { name, entry: result.auditEntry })}</p>
      </div>
      {result.originals.length > 0 && (
        <section aria-labelledby="gdpr-originals">
          <h3 id="gdpr-originals">{t('gdpr.requests.originalsTitle')}</h3>
          <p className="muted">{t('gdpr.requests.originalsLead')}</p>
          <ul className="gdpr-originals">
            {result.originals.map((o) => (
              <li key={o.mediaId}>
                <strong>{o.name}</strong> <span className="gdpr-path">{o.path}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {result.backups > 0 && (
        <section aria-labelledby="gdpr-backups">
          <h3 id="gdpr-backups">{t('gdpr.requests.backupsTitle')}</h3>
          <p>{t('gdpr.requests.backupsLead', { count: result.backups, name })}</p>
          <p className="muted">{t('gdpr.requests.backupsElsewhere')}</p>
          {remover.error && <ErrorMessage error={remover.error} />}
          {deleted !== null && (
            <div className="notice notice-success" role="status">
              <Icon name="check" />
              <p>{t('gdpr.requests.backupsDeleted', { count: deleted })}</p>
            </div>
          )}
          {deleted === null && !asking && (
            <button type="button" className="button" onClick={() => setAsking(true)}>
              {t('gdpr.requests.deleteBackups')}
            </button>
          )}
          {asking && (
            <div role="alertdialog" aria-labelledby="gdpr-backups-sure">
              <div className="notice notice-warning">
                <Icon name="alert" />
                <p id="gdpr-backups-sure">{t('gdpr.requests.deleteBackupsSure', { count: result.backups })}</p>
              </div>
              <div className="button-row">
                <button type="button" className="button button-danger" data-autofocus disabled={remover.busy} onClick={() => void deleteBackups()}>
                  {t('gdpr.requests.deleteBackupsYes')}
                </button>
                <button type="button" className="button" onClick={() => setAsking(false)}>
                  {t('gdpr.requests.keepBackups')}
                </button>
              </div>
            </div>
          )}
        </section>
      )}
      <div className="form-actions">
        <button type="button" className="button button-primary" onClick={onClose}>
          {t('gdpr.requests.close')}
        </button>
      </div>
    </div>
  );
}
