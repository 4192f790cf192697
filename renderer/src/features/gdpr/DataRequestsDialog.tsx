import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { exportMediaChoices, type ErasureResult, type ExportMediaChoice } from '../../../../shared/contract/gdpr';
import type { Person } from '../../../../shared/types';
import { Dialog } from '../../components/Dialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { Icon } from '../../components/Icon';
import { Loading } from '../../components/Loading';
import { useAction, useCommand } from '../../lib/query';
import { personName } from '../people/person-labels';
import { ErasedOutcome } from './ErasedOutcome';
import './gdpr.css';

const mediaLabel: Record<ExportMediaChoice, string> = { originals: 'mediaOriginals', thumbnails: 'mediaThumbnails', none: 'mediaNone' };

/** A folder path as the core's computer writes it: Windows paths use backslashes. */
const join = (folder: string, name: string) => {
  const sep = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return folder.endsWith(sep) ? `${folder}${name}` : `${folder}${sep}${name}`;
};

/** A data-subject request (GDPR) about one person: hand over everything ClearFrame holds, or erase them. */
export function DataRequestsDialog({ person, onClose, onErased }: { person: Person; onClose: () => void; onErased: () => void }) {
  const { t } = useTranslation();
  const name = personName(person);
  const [erased, setErased] = useState<ErasureResult | null>(null);
  // Once erased, the person is gone: closing the dialog in any way leaves their panel too.
  if (erased) {
    return (
      <Dialog title={t('gdpr.requests.title', { name })} onClose={onErased} className="dialog-gdpr">
        <ErasedOutcome result={erased} name={name} onClose={onErased} />
      </Dialog>
    );
  }
  return (
    <Dialog title={t('gdpr.requests.title', { name })} onClose={onClose} className="dialog-gdpr">
      <p className="muted">{t('gdpr.requests.lead')}</p>
      <ExportSection person={person} />
      <EraseSection person={person} onErased={setErased} />
    </Dialog>
  );
}

function ExportSection({ person }: { person: Person }) {
  const { t } = useTranslation();
  const start = useCommand('files.browse', {});
  const [folder, setFolder] = useState<string | null>(null);
  const [zip, setZip] = useState(true);
  const [media, setMedia] = useState<ExportMediaChoice>('originals');
  const exporter = useAction('people.dataExport');
  const [done, setDone] = useState<{ out: string; files: number } | null>(null);
  const where = folder ?? start.data?.path ?? '';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const stamp = new Date().toISOString().slice(0, 19).replace(/[-:T]/g, '');
    const out = join(where, `clearframe-person-${person.id}-${stamp}${zip ? '.zip' : ''}`);
    const result = await exporter.run({ person: String(person.id), out, media });
    if (result) setDone({ out: result.out, files: result.files });
  };

  return (
    <section aria-labelledby="gdpr-export">
      <h3 id="gdpr-export">{t('gdpr.requests.exportTitle')}</h3>
      <p className="muted">{t('gdpr.requests.exportLead')}</p>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <Field label={t('gdpr.requests.folder')}>
          <input required data-autofocus value={where} onChange={(e) => setFolder(e.target.value)} />
        </Field>
        <div className="form-row">
          <Field label={t('gdpr.requests.format')}>
            <select value={zip ? 'zip' : 'folder'} onChange={(e) => setZip(e.target.value === 'zip')}>
              <option value="zip">{t('gdpr.requests.formatZip')}</option>
              <option value="folder">{t('gdpr.requests.formatFolder')}</option>
            </select>
          </Field>
          <Field label={t('gdpr.requests.media')} hint={t('gdpr.requests.mediaNote')}>
            <select value={media} onChange={(e) => setMedia(e.target.value as ExportMediaChoice)}>
              {exportMediaChoices.map((m) => (
                <option key={m} value={m}>
                  {t(`gdpr.requests.${mediaLabel[m]}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        {exporter.error && <ErrorMessage error={exporter.error} />}
        {done && (
          <div className="notice notice-success" role="status">
            <Icon name="check" />
            <p>{t('gdpr.requests.exported', { count: done.files, out: done.out })}</p>
          </div>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={exporter.busy || where === ''}>
            <Icon name="file" size={16} />
            {t('gdpr.requests.export')}
          </button>
        </div>
      </form>
    </section>
  );
}

function EraseSection({ person, onErased }: { person: Person; onErased: (result: ErasureResult) => void }) {
  const { t } = useTranslation();
  const preview = useCommand('people.erasePreview', { person: String(person.id) });
  const eraser = useAction('people.erase');
  const [sure, setSure] = useState(false);
  const name = personName(person);
  const p = preview.data;

  const erase = async () => {
    const result = await eraser.run({ person: String(person.id), confirm: true });
    if (result) onErased(result);
  };

  return (
    <section className="gdpr-erase" aria-labelledby="gdpr-erase">
      <h3 id="gdpr-erase">{t('gdpr.requests.eraseTitle')}</h3>
      <p>{t('gdpr.requests.eraseLead')}</p>
      {preview.error && <ErrorMessage error={preview.error} onRetry={preview.refetch} />}
      {!p && !preview.error && <Loading />}
      {p && (
        <ul className="gdpr-consequences">
          <li>{t('gdpr.requests.consent', { deleted: p.consentRecords - p.consentRecordsKept, kept: p.consentRecordsKept })}</li>
          <li>{t('gdpr.requests.faces', { tagged: p.facesTagged, suggested: p.facesSuggested })}</li>
          <li>{t('gdpr.requests.references', { count: p.references })}</li>
          <li>
            {p.publications > 0
              ? t('gdpr.requests.publications', { count: p.publications, channels: p.takedownChannels.join(', ') || '—' })
              : t('gdpr.requests.noPublications')}
          </li>
          <li>{t('gdpr.requests.audit', { count: p.auditEntriesToRedact })}</li>
          {p.freeTextMentions > 0 && <li>{t('gdpr.requests.freeText', { count: p.freeTextMentions })}</li>}
          {p.originalsWithName > 0 && <li>{t('gdpr.requests.originals', { count: p.originalsWithName })}</li>}
          {p.backups > 0 && <li>{t('gdpr.requests.backups', { count: p.backups })}</li>}
        </ul>
      )}
      <label className="check">
        <input type="checkbox" checked={sure} onChange={(e) => setSure(e.target.checked)} />
        {t('gdpr.requests.understand')}
      </label>
      {eraser.error && <ErrorMessage error={eraser.error} />}
      <div className="form-actions">
        <button type="button" className="button button-danger" disabled={!sure || !p || eraser.busy} onClick={() => void erase()}>
          {t('gdpr.requests.erase', { name })}
        </button>
      </div>
    </section>
  );
}
