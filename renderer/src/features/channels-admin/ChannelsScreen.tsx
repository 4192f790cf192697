import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublishingIdentityView } from '../../../../shared/contract/publishing';
import { may } from '../../../../shared/domain/permissions';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { useAction, useCommand } from '../../lib/query';
import { useProfile } from '../posts/use-profile';
import '../posts/posts.css';

/** Rule 13: the admin lists the official accounts of the foundation and of each school, with their sizes. */
export function ChannelsScreen() {
  const { t } = useTranslation();
  const identities = useCommand('identities.list', {});
  return (
    <div className="channels-screen">
      <div className="screen-header">
        <h1>{t('publishing.channels.title')}</h1>
      </div>
      <p className="muted">{t('publishing.channels.lead')}</p>
      {identities.error && <ErrorMessage error={identities.error} onRetry={identities.refetch} />}
      {!identities.data && !identities.error && <Loading />}
      {identities.data?.map((i) => <IdentityCard key={i.key} identity={i} />)}
    </div>
  );
}

const presetKeys = ['photoMaxEdge', 'jpegQuality', 'videoMaxEdge', 'videoMaxKbps'] as const;

function IdentityCard({ identity }: { identity: PublishingIdentityView }) {
  const { t } = useTranslation();
  const profile = useProfile();
  const org = useCommand('org.get', {});
  const add = useAction('identities.addChannel');
  const remove = useAction('identities.removeChannel');
  const [channel, setChannel] = useState('');
  const [account, setAccount] = useState('');
  const [url, setUrl] = useState('');
  const [presets, setPresets] = useState<Record<(typeof presetKeys)[number], string>>({ photoMaxEdge: '', jpegQuality: '', videoMaxEdge: '', videoMaxKbps: '' });
  const editable = may(profile, 'channels');
  const channelKey = channel || org.data?.channels[0]?.key || '';
  const number = (v: string) => (v.trim() === '' ? null : Number(v));
  const submit = async () => {
    const done = await add.run({
      identity: identity.key,
      channel: channelKey,
      account,
      url: url.trim() || null,
      photoMaxEdge: number(presets.photoMaxEdge),
      jpegQuality: number(presets.jpegQuality),
      videoMaxEdge: number(presets.videoMaxEdge),
      videoMaxKbps: number(presets.videoMaxKbps),
    });
    if (done) setAccount('');
  };
  return (
    <section className="card" aria-label={identity.name}>
      <h2>
        {identity.name} <span className="muted">· {t(`publishing.channels.${identity.kind}`)}</span>
      </h2>
      {identity.channels.length === 0 ? (
        <p className="muted">{t('publishing.channels.none')}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th>{t('publishing.channels.channel')}</th>
              <th>{t('publishing.channels.account')}</th>
              <th>{t('publishing.channels.presets')}</th>
              {editable && <th />}
            </tr>
          </thead>
          <tbody>
            {identity.channels.map((c) => (
              <tr key={c.id}>
                <td>{c.channelName}</td>
                <td>{c.url ? <a href={c.url}>{c.account}</a> : c.account}</td>
                <td className="muted">
                  {presetKeys.every((k) => c[k] === null)
                    ? t('publishing.channels.defaultPreset')
                    : presetKeys.filter((k) => c[k] !== null).map((k) => `${t(`publishing.channels.${k}`)}: ${c[k]}`).join(' · ')}
                </td>
                {editable && (
                  <td>
                    <button type="button" className="button button-small button-quiet" onClick={() => void remove.run({ identity: identity.key, channel: c.channel })}>
                      {t('publishing.channels.remove')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editable && (
        <form className="inline-row" onSubmit={(e) => (e.preventDefault(), void submit())}>
          <Field label={t('publishing.channels.channel')}>
            <select value={channelKey} onChange={(e) => setChannel(e.target.value)}>
              {org.data?.channels.map((c) => (
                <option key={c.key} value={c.key}>
                  {c.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('publishing.channels.account')}>
            <input value={account} onChange={(e) => setAccount(e.target.value)} required />
          </Field>
          <Field label={t('publishing.channels.url')}>
            <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} />
          </Field>
          {presetKeys.map((k) => (
            <Field key={k} label={t(`publishing.channels.${k}`)}>
              <input type="number" className="input-narrow" value={presets[k]} onChange={(e) => setPresets({ ...presets, [k]: e.target.value })} />
            </Field>
          ))}
          <button type="submit" className="button button-primary" disabled={add.busy || account.trim() === ''}>
            {t('publishing.channels.add')}
          </button>
        </form>
      )}
      {add.error && <ErrorMessage error={add.error} />}
      {remove.error && <ErrorMessage error={remove.error} />}
    </section>
  );
}
