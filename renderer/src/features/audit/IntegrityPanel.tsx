import { useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { auditCheckpoint, type AuditCheckpoint, type AuditVerification } from '../../../../shared/contract/audit';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Icon } from '../../components/Icon';
import { useAction } from '../../lib/query';
import { useFormat } from '../../lib/format';
import { downloadText } from './download';

type Outcome = { verification: AuditVerification; checkpoint?: AuditCheckpoint } | { saved: AuditCheckpoint; file: string } | { unreadable: string };

/** Checks the hash chain, saves a signed checkpoint to keep elsewhere, and checks the log against one. */
export function IntegrityPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const verify = useAction('audit.verify');
  const checkpoint = useAction('audit.checkpoint');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const check = async (against?: AuditCheckpoint) => {
    setOutcome(null);
    const verification = await verify.run({ checkpoint: against });
    if (verification) setOutcome({ verification, checkpoint: against });
  };

  const save = async () => {
    setOutcome(null);
    const cp = await checkpoint.run({});
    if (!cp) return;
    const file = `clearframe-checkpoint-${cp.seq}.json`;
    downloadText(file, `${JSON.stringify(cp, null, 2)}\n`, 'application/json');
    setOutcome({ saved: cp, file });
  };

  const chooseCheckpoint = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    let parsed: AuditCheckpoint;
    try {
      parsed = auditCheckpoint.parse(JSON.parse(await file.text()));
    } catch {
      setOutcome({ unreadable: file.name });
      return;
    }
    await check(parsed);
  };

  const busy = verify.busy || checkpoint.busy;
  return (
    <section className="card audit-integrity" aria-labelledby="audit-integrity-title">
      <h2 id="audit-integrity-title">{t('audit.integrity')}</h2>
      <p className="muted">{t('audit.integrityText')}</p>
      <div className="button-row">
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void check()}>
          <Icon name="check" size={16} />
          {verify.busy ? t('audit.verifying') : t('audit.verify')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => fileInput.current?.click()}>
          <Icon name="file" size={16} />
          {t('audit.verifyWithCheckpoint')}
        </button>
        <button type="button" className="button button-quiet" disabled={busy} onClick={() => void save()}>
          <Icon name="pin" size={16} />
          {t('audit.checkpoint')}
        </button>
        <input ref={fileInput} type="file" accept=".json,application/json" hidden onChange={(e) => void chooseCheckpoint(e)} />
      </div>
      <div aria-live="polite">
        {verify.error && <ErrorMessage error={verify.error} />}
        {checkpoint.error && <ErrorMessage error={checkpoint.error} />}
        {outcome && 'verification' in outcome && outcome.verification.ok && (
          <div className="notice notice-success">
            <Icon name="check" />
            <p>
              {t('audit.verifyOk', { count: outcome.verification.entries, formatted: format.number(outcome.verification.entries) })}
              {outcome.checkpoint && ` ${t('audit.verifyOkCheckpoint', { seq: outcome.checkpoint.seq })}`}
            </p>
          </div>
        )}
        {outcome && 'verification' in outcome && outcome.verification.firstBad && (
          <div className="notice notice-error" role="alert">
            <Icon name="alert" />
            <div>
              <strong>{t('audit.verifyBad', { seq: outcome.verification.firstBad.seq })}</strong>
              <p>{t(`audit.faults.${outcome.verification.firstBad.fault}`, { seq: outcome.verification.firstBad.seq })}</p>
            </div>
          </div>
        )}
        {outcome && 'saved' in outcome && (
          <div className="notice notice-info">
            <Icon name="info" />
            <p>{t('audit.checkpointSaved', { seq: outcome.saved.seq, file: outcome.file })}</p>
          </div>
        )}
        {outcome && 'unreadable' in outcome && (
          <div className="notice notice-error" role="alert">
            <Icon name="alert" />
            <p>{t('audit.notACheckpoint', { file: outcome.unreadable })}</p>
          </div>
        )}
      </div>
    </section>
  );
}
