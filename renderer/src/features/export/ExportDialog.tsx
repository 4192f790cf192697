import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../../shared/domain/dates';
import { mayRelease } from '../../../../shared/domain/permissions';
import { Dialog } from '../../components/Dialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useAction, useCommand, useEvent } from '../../lib/query';
import { identityOf, useProfile } from '../posts/use-profile';
import { tally } from './decision-counts';
import { DecisionList } from './DecisionList';
import { ExportRun } from './ExportRun';
import { ExportTarget, type Target } from './ExportTarget';
import { OutFolder } from './OutFolder';
import { PreviewPane } from './PreviewPane';
import './export.css';

interface ExportDialogProps {
  mediaIds: readonly number[];
  /** "check" only decides; "export" also writes. Whoever may export can go on from a check. */
  mode: 'check' | 'export';
  onClose: () => void;
}

/** Checks a selection against one channel of one identity, previews an item exactly as it will be written, and exports it. */
export function ExportDialog({ mediaIds, mode: initialMode, onClose }: ExportDialogProps) {
  const { t } = useTranslation();
  const profile = useProfile();
  const all = useCommand('identities.list', {});
  const [mode, setMode] = useState(initialMode);
  const continued = mode !== initialMode;
  // Only identities the profile may publish for can be exported to (rule 2); anyone may check against any.
  const identities = (all.data ?? []).filter((i) => mode === 'check' || mayRelease(profile, identityOf(i.key)));
  const [chosen, setTarget] = useState<Target | null>(null);
  const first = identities.find((i) => i.channels.length > 0) ?? identities[0];
  const target: Target | null = chosen ?? (first ? { identity: first.key, channel: first.channels[0]?.channel ?? '', date: todayIso(), style: 'blur', removeAudio: false } : null);
  const [previewId, setPreviewId] = useState<number | null>(null);
  const [jobId, setJobId] = useState<number | null>(null);
  const count = mediaIds.length;
  const title = mode === 'check' ? t('exporting.dialog.checkTitle', { count }) : t('exporting.dialog.exportTitle', { count });

  return (
    <Dialog title={title} onClose={onClose} className="dialog-export">
      {all.error && <ErrorMessage error={all.error} onRetry={all.refetch} />}
      {!all.data && !all.error && <Loading />}
      {all.data && !target && <p className="notice notice-warning">{t('exporting.dialog.noIdentities')}</p>}
      {jobId !== null ? (
        <ExportRun jobId={jobId} onDone={onClose} />
      ) : (
        target && (
          <>
            <ExportTarget identities={identities} target={target} onChange={setTarget} />
            {target.channel !== '' && (
              <Checked
                mediaIds={mediaIds}
                target={target}
                mode={mode}
                focusFolder={continued}
                previewId={previewId}
                onPreview={setPreviewId}
                onContinue={() => setMode('export')}
                onStarted={setJobId}
              />
            )}
          </>
        )
      )}
    </Dialog>
  );
}

interface CheckedProps {
  mediaIds: readonly number[];
  target: Target;
  mode: 'check' | 'export';
  /** The folder field replaces the "Continue to export…" button, which had the focus. */
  focusFolder: boolean;
  previewId: number | null;
  onPreview: (id: number) => void;
  onContinue: () => void;
  onStarted: (jobId: number) => void;
}

function Checked({ mediaIds, target, mode, focusFolder, previewId, onPreview, onContinue, onStarted }: CheckedProps) {
  const { t } = useTranslation();
  const profile = useProfile();
  const media = mediaIds.map(String);
  const { identity, channel, date, removeAudio, style } = target;
  const check = useCommand('export.check', { media, all: false, channel, identity, date, removeAudio });
  // A face tagged in the media detail (opened from a reason's link) changes the decision.
  useEvent('library.changed', () => check.refetch());
  const start = useAction('export.start');
  const checked = check.data;
  const counts = checked ? tally(checked) : null;
  const previewed = checked?.find((c) => c.mediaId === previewId);
  const writable = counts ? counts.publishable + counts.redact : 0;
  const canExport = mayRelease(profile, identityOf(identity));

  return (
    <div className="export-checked">
      {check.error && <ErrorMessage error={check.error} onRetry={check.refetch} />}
      {!checked && !check.error && <p className="muted">{t('exporting.dialog.checking')}</p>}
      {counts && (
        <p className="export-summary" role="status">
          {t('exporting.dialog.summary', counts)}
        </p>
      )}
      {checked && (
        <div className="export-columns">
          <DecisionList checked={checked} previewId={previewId} onPreview={onPreview} />
          {previewed ? (
            <PreviewPane item={previewed} target={target} />
          ) : (
            <p className="preview-pane muted">{t('exporting.preview.choose')}</p>
          )}
        </div>
      )}
      {mode === 'check' && canExport && checked && (
        <div className="form-actions">
          <button type="button" className="button button-primary" onClick={onContinue}>
            {t('exporting.dialog.continueToExport')}
          </button>
        </div>
      )}
      {mode === 'export' && checked && (
        <OutFolder
          autoFocus={focusFolder}
          busy={start.busy}
          error={start.error}
          blockedReason={date !== todayIso() ? t('exporting.dialog.notToday') : writable === 0 ? t('exporting.dialog.nothingToExport') : null}
          label={t('exporting.dialog.start', { count: writable })}
          onExport={(outDir) => void start.run({ media, all: false, channel, identity, outDir, style, removeAudio }).then((r) => r && onStarted(r.jobId))}
        />
      )}
    </div>
  );
}
