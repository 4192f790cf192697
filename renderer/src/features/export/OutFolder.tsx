import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/result';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';

const lastFolderKey = 'clearframe.exportFolder';

/**
 * The folder the files go to. Browser mode runs on this same computer (127.0.0.1), so a path typed here is a path
 * the core can write to, as in the desktop app; the last one used is offered again.
 */
export function OutFolder(props: { autoFocus: boolean; busy: boolean; error: AppError | null; blockedReason: string | null; label: string; onExport: (outDir: string) => void }) {
  const { t } = useTranslation();
  const [outDir, setOutDir] = useState(() => localStorage.getItem(lastFolderKey) ?? '');
  const submit = () => {
    localStorage.setItem(lastFolderKey, outDir.trim());
    props.onExport(outDir.trim());
  };
  return (
    <form className="out-folder" onSubmit={(e) => (e.preventDefault(), submit())}>
      <Field label={t('exporting.dialog.outDir')} hint={t('exporting.dialog.outDirHint')}>
        <input value={outDir} onChange={(e) => setOutDir(e.target.value)} required spellCheck={false} autoFocus={props.autoFocus} />
      </Field>
      {props.blockedReason && <p className="notice notice-warning">{props.blockedReason}</p>}
      {props.error && <ErrorMessage error={props.error} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={props.busy || props.blockedReason !== null || outDir.trim() === ''}>
          {props.label}
        </button>
      </div>
    </form>
  );
}
