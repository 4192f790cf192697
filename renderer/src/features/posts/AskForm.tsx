import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { useAction } from '../../lib/query';

/** "In doubt? Ask": a question about a post or one media item, sent to the review queue. */
export function AskForm({ target, onDone }: { target: { post: number } | { media: string }; onDone: () => void }) {
  const { t } = useTranslation();
  const ask = useAction('doubts.ask');
  const [question, setQuestion] = useState('');
  const send = async () => {
    if (await ask.run({ ...target, question })) onDone();
  };
  return (
    <form className="ask-form" onSubmit={(e) => (e.preventDefault(), void send())}>
      <Field label={t('publishing.posts.question')} hint={t('publishing.posts.questionHint')}>
        <textarea value={question} onChange={(e) => setQuestion(e.target.value)} rows={2} required />
      </Field>
      {ask.error && <ErrorMessage error={ask.error} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={ask.busy || question.trim() === ''}>
          {t('publishing.posts.send')}
        </button>
        <button type="button" className="button button-quiet" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
