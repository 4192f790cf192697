import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReleaseReport } from '../../../../shared/contract/publishing';
import { mayRelease } from '../../../../shared/domain/permissions';
import { routeHref } from '../../app/router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { mediaUrl } from '../../lib/api';
import { useAction, useCommand } from '../../lib/query';
import { AskForm } from './AskForm';
import { DecisionView } from './DecisionView';
import { ReleaseForm, ReleaseOutcome } from './ReleaseForm';
import { identityOf, useProfile } from './use-profile';

/** One post: each media item with its decision and the fix one click away, its questions, and the next step. */
export function PostDetail({ id }: { id: number }) {
  const { t } = useTranslation();
  const profile = useProfile();
  const post = useCommand('posts.get', { id });
  const update = useAction('posts.update');
  const submit = useAction('posts.submit');
  const [asking, setAsking] = useState<{ post: number } | { media: string } | null>(null);
  const [report, setReport] = useState<ReleaseReport | null>(null);
  if (post.error) return <ErrorMessage error={post.error} onRetry={post.refetch} />;
  if (!post.data) return <Loading />;
  const p = post.data;
  const draft = p.status === 'draft';
  const canRelease = p.status === 'submitted' && mayRelease(profile, identityOf(p.identity));
  const ownPost = p.author === profile.name && !profile.soleUser;

  return (
    <article className="post-detail">
      <header className="post-detail-header">
        <h2>
          #{p.id} · {p.identityName} · {p.channelName}
        </h2>
        <span className={`chip post-${p.status}`}>{t(`publishing.status.${p.status}`)}</span>
      </header>
      <p className="muted">
        {t('publishing.posts.by', { name: p.author })}
        {p.account && ` · ${t('publishing.posts.account', { account: p.account })}`}
        {p.plannedOn && ` · ${p.plannedOn}`}
      </p>
      {p.caption && <p className="post-caption">{p.caption}</p>}
      {p.rejectReason && <p className="notice notice-error">{t('publishing.posts.rejected', { name: p.decidedBy, reason: p.rejectReason })}</p>}
      {p.status === 'released' && <p className="notice notice-success">{t('publishing.posts.released', { name: p.decidedBy, id: p.publicationId })}</p>}

      <ul className="post-media">
        {p.media.map((m) => (
          <li key={m.mediaId}>
            <img src={mediaUrl('thumb', m.mediaId)} alt="" />
            <div>
              <strong>{m.name}</strong>
              <DecisionView decision={m.decision} />
              <div className="post-media-actions">
                <a className="button button-small" href={routeHref({ screen: 'library', mediaId: m.mediaId })}>
                  {t('publishing.posts.tagFaces')}
                </a>
                <button type="button" className="button button-small" onClick={() => setAsking({ media: String(m.mediaId) })}>
                  {t('publishing.posts.ask')}
                </button>
                {draft && (
                  <button type="button" className="button button-small button-quiet" onClick={() => void update.run({ id: p.id, removeMedia: [String(m.mediaId)] })}>
                    {t('publishing.posts.remove')}
                  </button>
                )}
              </div>
              {asking && 'media' in asking && asking.media === String(m.mediaId) && <AskForm target={asking} onDone={() => setAsking(null)} />}
            </div>
          </li>
        ))}
      </ul>
      {update.error && <ErrorMessage error={update.error} />}

      {p.doubts.length > 0 && (
        <section>
          <h3>{t('publishing.posts.questions')}</h3>
          <ul className="doubt-list">
            {p.doubts.map((d) => (
              <li key={d.id}>
                <span className={`chip doubt-${d.status}`}>{t(`publishing.doubtStatus.${d.status}`)}</span> {d.question}
                {d.answer && <p className="muted">{t('publishing.review.answeredBy', { name: d.answeredBy, answer: d.answer })}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}

      <div className="form-actions">
        {draft && (
          <button type="button" className="button button-primary" disabled={submit.busy} onClick={() => void submit.run({ id: p.id })} title={t('publishing.posts.submitHint')}>
            {t('publishing.posts.submit')}
          </button>
        )}
        {(draft || p.status === 'submitted') && !asking && (
          <button type="button" className="button" onClick={() => setAsking({ post: p.id })}>
            {t('publishing.posts.askPost')}
          </button>
        )}
      </div>
      {submit.error && <ErrorMessage error={submit.error} />}
      {asking && 'post' in asking && <AskForm target={asking} onDone={() => setAsking(null)} />}
      {canRelease && ownPost && <p className="notice notice-info">{t('publishing.posts.ownPost')}</p>}
      {report && report.post.id === p.id && <ReleaseOutcome report={report} />}
      {canRelease && !ownPost && <ReleaseForm post={p} onReleased={setReport} />}
    </article>
  );
}
