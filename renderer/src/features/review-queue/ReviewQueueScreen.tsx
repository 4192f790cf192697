import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Doubt } from '../../../../shared/contract/publishing';
import { mayAnswer } from '../../../../shared/domain/permissions';
import { routeHref } from '../../app/router';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { mediaUrl } from '../../lib/api';
import { useAction, useCommand } from '../../lib/query';
import { identityOf, useProfile } from '../posts/use-profile';
import '../posts/posts.css';

/** "In doubt? Ask" (rules 7, 8, 10): open questions for this profile's school or the board, and what was answered. */
export function ReviewQueueScreen() {
  const { t } = useTranslation();
  const doubts = useCommand('doubts.list', {});
  const open = doubts.data?.filter((d) => d.status === 'open') ?? [];
  const closed = doubts.data?.filter((d) => d.status !== 'open') ?? [];
  return (
    <div className="review-queue-screen">
      <div className="screen-header">
        <h1>{t('publishing.review.title')}</h1>
      </div>
      <p className="muted">{t('publishing.review.lead')}</p>
      {doubts.error && <ErrorMessage error={doubts.error} onRetry={doubts.refetch} />}
      {!doubts.data && !doubts.error && <Loading />}
      {doubts.data && open.length === 0 && <EmptyState icon="help" title={t('publishing.review.empty')} />}
      {open.map((d) => (
        <DoubtCard key={d.id} doubt={d} />
      ))}
      {closed.length > 0 && (
        <section>
          <h2>{t('publishing.review.answered')}</h2>
          {closed.map((d) => (
            <DoubtCard key={d.id} doubt={d} />
          ))}
        </section>
      )}
    </div>
  );
}

function DoubtCard({ doubt: d }: { doubt: Doubt }) {
  const { t } = useTranslation();
  const profile = useProfile();
  const answer = useAction('doubts.answer');
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const canAnswer = d.status === 'open' && mayAnswer(profile, identityOf(d.identity));
  const send = (verdict: 'answer' | 'approve' | 'reject') =>
    void answer.run({ id: d.id, answer: text.trim() || t(`publishing.review.${verdict === 'answer' ? 'send' : verdict}`), verdict, reason: reason.trim() || undefined });
  const href = d.postId !== null ? routeHref({ screen: 'posts', postId: d.postId }) : routeHref({ screen: 'library', mediaId: d.mediaId! });
  return (
    <article className="card doubt-card">
      <div className="post-detail-header">
        {d.mediaId !== null && <img src={mediaUrl('thumb', d.mediaId)} alt="" className="doubt-thumb" width={72} height={54} />}
        <div>
          <a href={href}>{d.postId !== null ? t('publishing.review.about.post', { id: d.postId }) : t('publishing.review.about.media', { id: d.mediaId })}</a>
          {' · '}
          {t('publishing.review.for', { name: d.identityName })} · {t('publishing.review.askedBy', { name: d.askedBy })}
        </div>
        <span className={`chip doubt-${d.status}`}>{t(`publishing.doubtStatus.${d.status}`)}</span>
      </div>
      <p className="doubt-question">{d.question}</p>
      {d.answer && <p className="muted">{t('publishing.review.answeredBy', { name: d.answeredBy, answer: d.answer })}</p>}
      {d.reason && d.status === 'rejected' && <p className="muted">{d.reason}</p>}
      {d.status === 'open' && !canAnswer && <p className="muted">{t('publishing.review.cannotAnswer')}</p>}
      {canAnswer && (
        <form onSubmit={(e) => (e.preventDefault(), send('answer'))}>
          <Field label={t('publishing.review.answer')}>
            <textarea value={text} onChange={(e) => setText(e.target.value)} rows={2} />
          </Field>
          <Field label={t('publishing.review.reason')} hint={t('publishing.review.reasonHint')}>
            <input value={reason} onChange={(e) => setReason(e.target.value)} />
          </Field>
          {answer.error && <ErrorMessage error={answer.error} />}
          <div className="form-actions">
            <button type="button" className="button button-primary" disabled={answer.busy} onClick={() => send('approve')}>
              {t('publishing.review.approve')}
            </button>
            <button type="submit" className="button" disabled={answer.busy || text.trim() === ''}>
              {t('publishing.review.send')}
            </button>
            <button type="button" className="button" disabled={answer.busy || reason.trim() === ''} onClick={() => send('reject')}>
              {t('publishing.review.reject')}
            </button>
          </div>
        </form>
      )}
    </article>
  );
}
