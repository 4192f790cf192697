import { useTranslation } from 'react-i18next';
import { redactionStyles, type RedactionStyle } from '../../../../shared/contract/export';
import type { PublishingIdentityView } from '../../../../shared/contract/publishing';
import { Field } from '../../components/Field';

export interface Target {
  identity: string;
  channel: string;
  date: string;
  style: RedactionStyle;
  removeAudio: boolean;
}

/** Where the selection would go: in whose name, on which of its official channels, as of which day, and how faces are hidden. */
export function ExportTarget({ identities, target, onChange }: { identities: readonly PublishingIdentityView[]; target: Target; onChange: (t: Target) => void }) {
  const { t } = useTranslation();
  const identity = identities.find((i) => i.key === target.identity);
  const set = (change: Partial<Target>) => onChange({ ...target, ...change });
  return (
    <div className="export-target">
      <Field label={t('exporting.dialog.identity')}>
        <select
          value={target.identity}
          data-autofocus
          onChange={(e) => set({ identity: e.target.value, channel: identities.find((i) => i.key === e.target.value)?.channels[0]?.channel ?? '' })}
        >
          {identities.map((i) => (
            <option key={i.key} value={i.key}>
              {i.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('exporting.dialog.channel')}>
        <select value={target.channel} onChange={(e) => set({ channel: e.target.value })} disabled={!identity?.channels.length}>
          {identity?.channels.map((c) => (
            <option key={c.id} value={c.channel}>
              {c.channelName} — {c.account}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('exporting.dialog.date')} hint={t('exporting.dialog.dateHint')}>
        <input type="date" value={target.date} required onChange={(e) => e.target.value && set({ date: e.target.value })} />
      </Field>
      <Field label={t('exporting.dialog.style')}>
        <select value={target.style} onChange={(e) => set({ style: e.target.value as RedactionStyle })}>
          {redactionStyles.map((s) => (
            <option key={s} value={s}>
              {t(`exporting.dialog.styles.${s}`)}
            </option>
          ))}
        </select>
      </Field>
      <label className="checkbox">
        <input type="checkbox" checked={target.removeAudio} onChange={(e) => set({ removeAudio: e.target.checked })} />
        <span>{t('exporting.dialog.removeAudio')}</span>
      </label>
      {identity && identity.channels.length === 0 && <p className="notice notice-warning">{t('exporting.dialog.noChannels', { name: identity.name })}</p>}
    </div>
  );
}
