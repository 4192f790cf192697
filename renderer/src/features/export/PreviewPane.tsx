import { useTranslation } from 'react-i18next';
import type { CheckedMedia } from '../../../../shared/contract/export';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useCommand } from '../../lib/query';
import type { Target } from './ExportTarget';
import { VideoFrames } from './VideoFrames';

interface PreviewProps {
  item: CheckedMedia;
  target: Target;
}

/** What the export writes for one item: a photo pixel for pixel, a video as a few of its frames; a blocked item gets the decision in words. */
export function PreviewPane({ item, target }: PreviewProps) {
  const { t } = useTranslation();
  const label = t('exporting.decision.previewing', { name: item.name });
  return (
    <section className="preview-pane" aria-label={label}>
      <h3>{t('exporting.preview.title')}</h3>
      {item.decision.decision === 'blocked' ? (
        <p className="notice notice-info">{t('exporting.preview.blocked')}</p>
      ) : (
        <Preview key={item.mediaId} mediaId={item.mediaId} name={item.name} target={target} />
      )}
    </section>
  );
}

function Preview({ mediaId, name, target }: { mediaId: number; name: string; target: Target }) {
  const { t } = useTranslation();
  const { channel, identity, date, style, removeAudio } = target;
  const preview = useCommand('export.preview', { media: String(mediaId), channel, identity, date, style, removeAudio });
  const data = preview.data?.mediaId === mediaId ? preview.data : undefined;
  if (preview.error) return <ErrorMessage error={preview.error} onRetry={preview.refetch} />;
  if (!data) return <p className="muted" aria-busy="true">{t('exporting.preview.loading')}</p>;
  // Consent can change between the check and the preview: the preview's own decision is the later one.
  if (data.decision.decision === 'blocked') return <p className="notice notice-info">{t('exporting.preview.blocked')}</p>;
  if (data.image === null) return <VideoFrames preview={data} name={name} />;
  return (
    <>
      <p className="muted small">{t('exporting.preview.lead')}</p>
      <img className="preview-image" src={data.image} alt={t('exporting.preview.alt', { name })} />
      <p className="muted small">{t('exporting.preview.size', { width: data.width, height: data.height })}</p>
    </>
  );
}
