import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Icon } from '../../components/Icon';
import { filesFromDrop } from '../../lib/dropped-files';
import { dismissJob, showInline, useJob } from '../jobs/jobs-store';
import { JobCard } from '../jobs/JobCard';
import { BatchDefaultsForm } from './BatchDefaultsForm';
import { BatchReport } from './BatchReport';
import { FolderPicker } from './FolderPicker';
import { RecentImports } from './RecentImports';
import { useMediaImport, type ImportDefaults } from './useMediaImport';

/** Import photos and videos: from a folder on this computer, chosen files, or a drop; then the batch report. */
export function MediaImport({ batchId }: { batchId?: number }) {
  const { t } = useTranslation();
  const upload = useMediaImport();
  const [defaults, setDefaults] = useState<ImportDefaults>({});
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const progress = useRef<HTMLElement>(null);
  const startedJob = upload.started?.jobId ?? null;
  const job = useJob(startedJob);
  useEffect(() => (startedJob === null ? undefined : showInline(startedJob)), [startedJob]);
  const running = job?.status === 'running';
  // The start button may be far down the page; bring the progress into view.
  useEffect(() => {
    if (running) progress.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [running]);

  // When the import ends, its report is the next thing the user wants to see.
  useEffect(() => {
    if (!upload.started || !job || job.status === 'running') return;
    // The report replaces the progress card, so the corner does not need to repeat it.
    dismissJob(upload.started.jobId);
    navigate({ screen: 'import', tab: 'media', batchId: upload.started.batchId });
    upload.reset();
  }, [job, upload]);

  if (batchId !== undefined) {
    return (
      <>
        <BatchReport batchId={batchId} />
        <RecentImports currentId={batchId} />
      </>
    );
  }

  return (
    <div className="media-import">
      {job?.status === 'running' && (
        <section ref={progress} className="import-running" aria-label={t('mediaImport.running')}>
          <JobCard job={job} />
        </section>
      )}
      <BatchDefaultsForm value={defaults} onChange={setDefaults} />
      <div className="import-sources">
        <FolderPicker busy={upload.busy} onImport={(paths) => void upload.importPaths(paths, defaults)} />
        <section
          className={dragging ? 'drop-zone drop-zone-active' : 'drop-zone'}
          aria-labelledby="drop-title"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            void filesFromDrop(e.dataTransfer).then((files) => upload.importFiles(files, defaults));
          }}
        >
          <Icon name="upload" size={32} />
          <h2 id="drop-title">{t('mediaImport.dropTitle')}</h2>
          <p>{t('mediaImport.dropText')}</p>
          <input
            ref={fileInput}
            type="file"
            multiple
            hidden
            accept="image/jpeg,image/png,image/webp,image/tiff,image/heic,image/heif,.heic,.heif,video/mp4,video/quicktime,video/webm,.m4v,.mov"
            onChange={(e) => {
              void upload.importFiles([...(e.target.files ?? [])], defaults);
              e.target.value = '';
            }}
          />
          <button type="button" className="button" disabled={upload.busy} onClick={() => fileInput.current?.click()}>
            {t('mediaImport.chooseFiles')}
          </button>
          <p className="muted small">{t('mediaImport.formats')}</p>
        </section>
      </div>
      {upload.error && <ErrorMessage error={upload.error} />}
      <RecentImports />
    </div>
  );
}
