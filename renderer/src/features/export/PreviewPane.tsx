import { useTranslation } from 'react-i18next';
import type { CheckedMedia, RedactionStyle } from '../../../../shared/contract/export';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useCommand } from '../../lib/query';

interface PreviewProps {
  item: CheckedMedia;
  channel: string;
  identity: string;
  style: RedactionStyle;
}

/**
 * What the export writes for one photo, pixel for pixel. The core previews photos only, and decides without the
 * dialog's "leave out the sound" choice; so a video or a blocked item gets the check's own decision in words.
 */
export function PreviewPane({ item, channel, identity, style }: PreviewProps) {
  const { t } = useTranslation();
  const label = t('exporting.decision.previewing', { name: item.name });
  return (
    <section className="preview-pane" aria-label={label}>
      <h3>{t('exporting.preview.title')}</h3>
      {item.decision.decision === 'blocked' ? (
        <p className="notice notice-info">{t('exporting.preview.blocked')}</p>
      ) : item.kind === 'video' ? (
        <p className="notice notice-info">{t('exporting.preview.video')}</p>
      ) : (
        <PhotoPreview mediaId={item.mediaId} name={item.name} channel={channel} identity={identity} style={style} />
      )}
    </section>
  );
}

function PhotoPreview({ mediaId, name, channel, identity, style }: { mediaId: number; name: string; channel: string; identity: string; style: RedactionStyle }) {
  const { t } = useTranslation();
  const preview = useCommand('export.preview', { media: String(mediaId), channel, identity, style });
  const data = preview.data?.mediaId === mediaId ? preview.data : undefined;
  if (preview.error) return <ErrorMessage error={preview.error} onRetry={preview.refetch} />;
  if (!data) return <p className="muted" aria-busy="true">{t('exporting.preview.loading')}</p>;
  // Consent can change between the check and the preview: the preview's own decision is the later one.
  if (!data.image) return <p className="notice notice-info">{t('exporting.preview.blocked')}</p>;
  return (
    <>
      <p className="muted small">{t('exporting.preview.lead')}</p>
      <img className="preview-image" src={data.image} alt={t('exporting.preview.alt', { name })} />
      <p className="muted small">{t('exporting.preview.size', { width: data.width, height: data.height })}</p>
    </>
  );
}
