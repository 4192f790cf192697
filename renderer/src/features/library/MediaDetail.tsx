import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Icon } from '../../components/Icon';
import { Loading } from '../../components/Loading';
import { useCommand } from '../../lib/query';
import { FacesSection } from '../faces/FacesSection';
import { FaceStage } from '../faces/FaceStage';
import { useFaceReview } from '../faces/useFaceReview';
import { useMay } from '../faces/useMay';
import { MediaQuestions } from '../posts/MediaQuestions';
import { MediaMetadata } from './MediaMetadata';
import { RightsForm } from './RightsForm';

interface DetailProps {
  mediaId: number;
  onClose: () => void;
  onPrevious?: () => void;
  onNext?: () => void;
}

/** One photo or video: a large preview with its faces to review, what the file says about itself, and its rights, editable. */
export function MediaDetail({ mediaId, onClose, onPrevious, onNext }: DetailProps) {
  const { t } = useTranslation();
  const detail = useCommand('media.get', { media: String(mediaId) });
  const media = detail.data?.id === mediaId ? detail.data : undefined;
  const faces = useFaceReview(mediaId);
  const canTag = useMay('tag');

  // Left and right arrows step through the grid, unless the user is typing or working a control.
  const steps = useRef({ onPrevious, onNext });
  steps.current = { onPrevious, onNext };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.target as HTMLElement).closest('input, select, textarea, video')) return;
      const go = e.key === 'ArrowLeft' ? steps.current.onPrevious : e.key === 'ArrowRight' ? steps.current.onNext : undefined;
      if (!go) return;
      e.preventDefault();
      go();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <Dialog title={media?.name ?? t('common.loading')} onClose={onClose} className="dialog-detail">
      <div className="detail">
        <div className="detail-preview">
          {media && <FaceStage media={media} review={faces} canTag={canTag} />}
          <div className="detail-steps">
            <button type="button" className="button button-small" onClick={onPrevious} disabled={!onPrevious}>
              <Icon name="chevronLeft" size={16} />
              {t('library.previous')}
            </button>
            <button type="button" className="button button-small" onClick={onNext} disabled={!onNext}>
              {t('library.next')}
              <Icon name="chevronRight" size={16} />
            </button>
          </div>
        </div>
        <div className="detail-side">
          {detail.error && <ErrorMessage error={detail.error} onRetry={detail.refetch} />}
          {!media && !detail.error && <Loading />}
          {media && (
            <>
              <MediaQuestions mediaId={media.id} />
              <FacesSection media={media} review={faces} canTag={canTag} />
              <MediaMetadata media={media} />
              <RightsForm key={media.id} media={media} />
            </>
          )}
        </div>
      </div>
    </Dialog>
  );
}
