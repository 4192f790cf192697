import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Post, ReleaseReport } from '../../../../shared/contract/publishing';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { useAction } from '../../lib/query';
import { useReasonTexts } from '../export/reason-text';

/** Four eyes: the releaser decides again now and exports, or rejects the post with a reason. */
export function ReleaseForm({ post, onReleased }: { post: Post; onReleased: (report: ReleaseReport) => void }) {
  const { t } = useTranslation();
  const release = useAction('posts.release');
  const reject = useAction('posts.reject');
  const [outDir, setOutDir] = useState('');
  const [checked, setChecked] = useState(false);
  const [reason, setReason] = useState('');

  return (
    <div className="card release-form">
      <h2>{t('publishing.posts.release')}</h2>
      <p className="muted">{t('publishing.posts.releaseLead')}</p>
      <form onSubmit={(e) => (e.preventDefault(), void release.run({ id: post.id, outDir, thirdPartyChecked: checked }).then((r) => r && onReleased(r)))}>
        <Field label={t('publishing.posts.outDir')} hint={t('publishing.posts.outDirHint')}>
          <input value={outDir} onChange={(e) => setOutDir(e.target.value)} required />
        </Field>
        {post.thirdPartyContent && (
          <label className="checkbox">
            <input type="checkbox" checked={checked} onChange={(e) => setChecked(e.target.checked)} />
            <span>{t('publishing.posts.thirdPartyChecked')}</span>
          </label>
        )}
        {release.error && <ErrorMessage error={release.error} />}
        <button type="submit" className="button button-primary" disabled={release.busy || outDir.trim() === '' || (post.thirdPartyContent && !checked)}>
          {t('publishing.posts.release')}
        </button>
      </form>
      <form className="reject-form" onSubmit={(e) => (e.preventDefault(), void reject.run({ id: post.id, reason }))}>
        <Field label={t('publishing.posts.rejectReason')}>
          <input value={reason} onChange={(e) => setReason(e.target.value)} required />
        </Field>
        {reject.error && <ErrorMessage error={reject.error} />}
        <button type="submit" className="button" disabled={reject.busy || reason.trim() === ''}>
          {t('publishing.posts.reject')}
        </button>
      </form>
    </div>
  );
}

/** What the release wrote and what it held back; shown after the form is gone (the post is released). */
export function ReleaseOutcome({ report }: { report: ReleaseReport }) {
  const { t } = useTranslation();
  const text = useReasonTexts();
  return (
    <div className={`notice ${report.publicationId === null ? 'notice-warning' : 'notice-success'}`} role="status">
      <div>
        <p>
          {report.publicationId === null
            ? t('publishing.posts.nothingExported')
            : t('publishing.posts.exported', { count: report.exported.length, dir: report.outDir })}
        </p>
        {report.blocked.map((b) => (
          <p key={b.mediaId}>
            {t('publishing.posts.blockedItem', { name: b.name })} {b.reasons.map(text.sentence).join(' ')}
          </p>
        ))}
      </div>
    </div>
  );
}
