import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { channelKinds, type ChannelKind } from '../../../../shared/types';
import { Dialog } from '../../components/Dialog';
import { DialogFormFooter } from '../../components/DialogFormFooter';
import { Field } from '../../components/Field';
import { useAction } from '../../lib/query';
import { channelKeyFrom } from '../people/keys';

/** An admin adds a channel the foundation publishes on; every person then has "no answer" for it until asked. */
export function ChannelDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const create = useAction('channels.create');
  const [name, setName] = useState('');
  const [key, setKey] = useState<string | null>(null);
  const [kind, setKind] = useState<ChannelKind>('social');
  const shownKey = key ?? channelKeyFrom(name);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await create.run({ name, key: shownKey, kind })) onClose();
  };
  return (
    <Dialog title={t('channel.add')} onClose={onClose}>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <Field label={t('channel.name')}>
          <input required data-autofocus value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label={t('channel.key')} hint={t('channel.keyHint')}>
          <input required pattern="[a-z][a-z0-9_]{0,31}" value={shownKey} onChange={(e) => setKey(e.target.value)} />
        </Field>
        <fieldset className="stacked-choice">
          <legend>{t('channel.kind')}</legend>
          {channelKinds.map((k) => (
            <label key={k} className="check">
              <input type="radio" name="kind" checked={kind === k} onChange={() => setKind(k)} />
              <span>
                <strong>{t(`channel.kinds.${k}`)}</strong>
                <span className="muted"> — {t(`channel.kindHints.${k}`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <DialogFormFooter submitLabel={t('channel.add')} busy={create.busy} error={create.error} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
