import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FaceSettings } from '../../../../shared/contract/faces';
import { Dialog } from '../../components/Dialog';
import { DialogFormFooter } from '../../components/DialogFormFooter';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { useAction, useCommand } from '../../lib/query';

type Key = Exclude<keyof FaceSettings, 'detectAfterImport'>;

/** Each setting with the range the core accepts and the step a person would change it by. */
const fields: { key: Key; min: number; max: number; step: number }[] = [
  { key: 'matchThreshold', min: 0.2, max: 1, step: 0.05 },
  { key: 'minScore', min: 0.05, max: 0.95, step: 0.05 },
  { key: 'minFacePx', min: 16, max: 200, step: 1 },
  { key: 'videoFps', min: 0.5, max: 10, step: 0.5 },
  { key: 'videoMinFacePx', min: 16, max: 400, step: 1 },
];

function SettingsForm({ initial, onClose }: { initial: FaceSettings; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useAction('faces.updateSettings');
  const [values, setValues] = useState(() => Object.fromEntries(fields.map((f) => [f.key, String(initial[f.key])])) as Record<Key, string>);
  const [detectAfterImport, setDetectAfterImport] = useState(initial.detectAfterImport);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const change: FaceSettings = { ...(Object.fromEntries(fields.map((f) => [f.key, Number(values[f.key])])) as Record<Key, number>), detectAfterImport };
    if (await save.run(change)) onClose();
  };

  const field = (f: (typeof fields)[number], first = false) => (
    <Field key={f.key} label={t(`faces.settings.${f.key}`)} hint={t(`faces.settings.${f.key}Hint`)}>
      <input
        type="number"
        min={f.min}
        max={f.max}
        step={f.step}
        required
        value={values[f.key]}
        data-autofocus={first ? true : undefined}
        onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}
      />
    </Field>
  );

  return (
    <form onSubmit={(e) => void submit(e)}>
      <h3 className="settings-group">{t('faces.settings.matching')}</h3>
      {field(fields[0]!, true)}
      <h3 className="settings-group">{t('faces.settings.detection')}</h3>
      <label className="check settings-check">
        <input type="checkbox" checked={detectAfterImport} onChange={(e) => setDetectAfterImport(e.target.checked)} aria-describedby="detect-after-import-hint" />
        {t('faces.settings.detectAfterImport')}
      </label>
      <p id="detect-after-import-hint" className="field-hint">
        {t('faces.settings.detectAfterImportHint')}
      </p>
      <div className="settings-grid">{fields.slice(1).map((f) => field(f))}</div>
      <p className="muted small">{t('faces.settings.redetect')}</p>
      <DialogFormFooter submitLabel={t('common.save')} busy={save.busy} error={save.error} onCancel={onClose} />
    </form>
  );
}

/** The face settings an admin may tune: how alike a suggestion must be, and how hard detection looks. */
export function FaceSettingsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const current = useCommand('faces.settings', {});
  // The form opens with the settings in it, so the first field can take the focus.
  if (!current.data && !current.error) return null;
  return (
    <Dialog title={t('faces.settings.title')} onClose={onClose} className="face-settings">
      {current.data ? <SettingsForm initial={current.data} onClose={onClose} /> : current.error && <ErrorMessage error={current.error} onRetry={current.refetch} />}
    </Dialog>
  );
}
