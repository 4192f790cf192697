import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Publication, PublicationPerson } from '../../../../shared/contract/export';
import type { Person } from '../../../../shared/types';
import { routeHref } from '../../app/router';
import { Dialog } from '../../components/Dialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { Icon } from '../../components/Icon';
import { useAction } from '../../lib/query';
import { useMay } from '../faces/useMay';
import { personName } from './person-name';
import { PublicationTimeline } from './PublicationTimeline';

interface DetailProps {
  publication: Publication;
  channelName: string;
  people: ReadonlyMap<number, Person>;
  onChanged: () => void;
  onClose: () => void;
}

const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/** One publication: its files, who is visible or blurred, its post address, the take-down and its history. */
export function PublicationDetail({ publication: p, channelName, people, onChanged, onClose }: DetailProps) {
  const { t } = useTranslation();
  const mayExport = useMay('export');
  const [confirming, setConfirming] = useState(false);
  const done = useAction('publications.done');
  const withdrawn = new Set(p.withdrawn.map((w) => w.personId));
  const names = (list: PublicationPerson[]) =>
    list.length === 0 ? (
      <p className="muted">{t('exporting.publications.nobody')}</p>
    ) : (
      <ul className="register-people">
        {list.map((person) => (
          <li key={person.personId} className={withdrawn.has(person.personId) ? 'person-withdrawn' : undefined}>
            {personName(person, people)}
            {withdrawn.has(person.personId) && <span className="chip takedown-pending">{t('exporting.publications.withdrawnNote')}</span>}
          </li>
        ))}
      </ul>
    );

  return (
    <section className="card publication-detail" aria-labelledby="publication-heading">
      <header className="publication-header">
        <h2 id="publication-heading">{t('exporting.publications.heading', { id: p.id, identity: p.identityName, channel: channelName })}</h2>
        <button type="button" className="icon-button" aria-label={t('common.close')} onClick={onClose}>
          <Icon name="x" />
        </button>
      </header>
      {p.takeDown === 'pending' && (
        <div className="notice notice-error" role="alert">
          <Icon name="alert" />
          <div>
            <p>{t('exporting.publications.mustTakeDown', { count: p.withdrawn.length })}</p>
            {mayExport && (
              <button type="button" className="button button-primary" onClick={() => setConfirming(true)}>
                {t('exporting.publications.markDone')}
              </button>
            )}
          </div>
        </div>
      )}
      <div className="publication-columns">
        <div>
          <h3>{t('exporting.publications.files')}</h3>
          <ul className="register-files">
            {p.files.map((f) => (
              <li key={f.sha256 + f.file}>
                <a href={routeHref({ screen: 'library', mediaId: f.mediaId })}>{baseName(f.file)}</a>
                <code className="small muted" title={f.sha256}>
                  {f.sha256.slice(0, 12)}…
                </code>
              </li>
            ))}
          </ul>
          <h3>{t('exporting.publications.visiblePeople')}</h3>
          {names(p.visible)}
          <h3>{t('exporting.publications.blurredPeople')}</h3>
          {names(p.blurred)}
          {mayExport && <PostUrlForm publication={p} onSaved={onChanged} />}
          {!mayExport && p.postUrl && (
            <p>
              {t('exporting.publications.postUrl')}: <a href={p.postUrl} rel="noreferrer noopener" target="_blank">{p.postUrl}</a>
            </p>
          )}
        </div>
        <PublicationTimeline publication={p} people={people} />
      </div>
      {confirming && (
        <Dialog title={t('exporting.publications.confirmTitle', { id: p.id })} onClose={() => setConfirming(false)}>
          <p>{t('exporting.publications.confirmText', { channel: channelName })}</p>
          {done.error && <ErrorMessage error={done.error} />}
          <div className="form-actions">
            <button type="button" className="button" data-autofocus onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={done.busy}
              onClick={() =>
                void done.run({ id: p.id }).then((r) => {
                  if (!r) return;
                  setConfirming(false);
                  onChanged();
                })
              }
            >
              {t('exporting.publications.confirm')}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}

function PostUrlForm({ publication, onSaved }: { publication: Publication; onSaved: () => void }) {
  const { t } = useTranslation();
  const save = useAction('publications.setPostUrl');
  const [url, setUrl] = useState(publication.postUrl ?? '');
  return (
    <form className="post-url-form" onSubmit={(e) => (e.preventDefault(), void save.run({ id: publication.id, url: url.trim() }).then((r) => r && onSaved()))}>
      <Field label={t('exporting.publications.postUrl')} hint={t('exporting.publications.postUrlHint')}>
        <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} required spellCheck={false} />
      </Field>
      {save.error && <ErrorMessage error={save.error} />}
      <button type="submit" className="button" disabled={save.busy || url.trim() === '' || url.trim() === publication.postUrl}>
        {t('exporting.publications.savePostUrl')}
      </button>
    </form>
  );
}
