import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { mediaUrl } from '../../lib/api';
import { useAction, useCommand } from '../../lib/query';

/** Staff assemble a post: in whose name, on which official channel, with which media (rules 2, 13). */
export function NewPostForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const identities = useCommand('identities.list', {});
  const media = useCommand('media.list', { limit: 60 });
  const create = useAction('posts.create');
  const [identity, setIdentity] = useState('');
  const [channel, setChannel] = useState('');
  const [caption, setCaption] = useState('');
  const [plannedOn, setPlannedOn] = useState('');
  const [thirdParty, setThirdParty] = useState(false);
  const [chosen, setChosen] = useState<number[]>([]);
  const current = identities.data?.find((i) => i.key === identity) ?? identities.data?.find((i) => i.channels.length > 0);
  const channelKey = current?.channels.some((c) => c.channel === channel) ? channel : (current?.channels[0]?.channel ?? '');

  const toggle = (id: number) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));
  const submit = async () => {
    if (!current) return;
    const post = await create.run({
      identity: current.key,
      channel: channelKey,
      media: chosen.map(String),
      caption: caption.trim() || null,
      plannedOn: plannedOn || null,
      thirdPartyContent: thirdParty,
    });
    if (post) navigate({ screen: 'posts', postId: post.id });
  };

  return (
    <form className="card post-form" onSubmit={(e) => (e.preventDefault(), void submit())}>
      <h2>{t('publishing.posts.new')}</h2>
      <div className="inline-row">
        <Field label={t('publishing.posts.identity')}>
          <select value={current?.key ?? ''} onChange={(e) => setIdentity(e.target.value)}>
            {identities.data?.map((i) => (
              <option key={i.key} value={i.key}>
                {i.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('publishing.posts.channel')}>
          <select value={channelKey} onChange={(e) => setChannel(e.target.value)} disabled={!current || current.channels.length === 0}>
            {current?.channels.map((c) => (
              <option key={c.channel} value={c.channel}>
                {c.channelName} ({c.account})
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('publishing.posts.planned')}>
          <input type="date" value={plannedOn} onChange={(e) => setPlannedOn(e.target.value)} />
        </Field>
      </div>
      {current && current.channels.length === 0 && <p className="notice notice-warning">{t('publishing.posts.noChannels', { name: current.name })}</p>}
      <Field label={t('publishing.posts.caption')}>
        <textarea value={caption} onChange={(e) => setCaption(e.target.value)} rows={3} />
      </Field>
      <label className="checkbox">
        <input type="checkbox" checked={thirdParty} onChange={(e) => setThirdParty(e.target.checked)} />
        <span>
          {t('publishing.posts.thirdParty')}
          <span className="field-hint">{t('publishing.posts.thirdPartyHint')}</span>
        </span>
      </label>
      <fieldset className="media-picker">
        <legend>
          {t('publishing.posts.media')} · {t('publishing.posts.mediaCount', { count: chosen.length })}
        </legend>
        <ul>
          {media.data?.items.map((m) => (
            <li key={m.id}>
              <label className={chosen.includes(m.id) ? 'picked' : undefined}>
                <input type="checkbox" checked={chosen.includes(m.id)} onChange={() => toggle(m.id)} aria-label={m.name} />
                <img src={mediaUrl('thumb', m.id)} alt="" loading="lazy" />
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {create.error && <ErrorMessage error={create.error} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={create.busy || !current || channelKey === '' || chosen.length === 0}>
          {t('publishing.posts.create')}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
