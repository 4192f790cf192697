import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MediaDetail } from '../../../../shared/contract/media';
import type { AppError } from '../../../../shared/result';
import { ErrorMessage } from '../../components/ErrorMessage';
import { mediaUrl } from '../../lib/api';
import { boxStyle } from './crop';
import { faceLabel } from './face-label';
import { FaceBoxView } from './FaceBoxView';
import { labelRoom } from './label-room';
import { TagDialog } from './TagDialog';
import { boxAt } from './track-position';
import { useDrawBox } from './useDrawBox';
import type { FaceReview } from './useFaceReview';
import { useFitSize } from './useFitSize';
import { usePeople } from './usePeople';
import { useTracks } from './useTracks';
import { VideoControls } from './VideoControls';
import './faces.css';

/**
 * The photo, or the video, with its faces drawn over it. Boxes are fractions of the upright picture, so they
 * sit on a layer of exactly the picture's size; a video shows the faces seen near the current time.
 */
export function FaceStage({ media, review, canTag }: { media: MediaDetail; review: FaceReview; canTag: boolean }) {
  const { t, i18n } = useTranslation();
  const people = usePeople();
  const area = useRef<HTMLDivElement>(null);
  const [natural, setNatural] = useState<{ width: number; height: number } | null>(null);
  const size = useFitSize(area, natural ?? (media.width && media.height ? { width: media.width, height: media.height } : null));
  const [addError, setAddError] = useState<AppError | null>(null);
  const isVideo = media.kind === 'video';
  const tracks = useTracks(review.faces, isVideo);
  const draw = useDrawBox((box) => {
    review.video.current?.pause();
    void review.addFace(box).then(setAddError);
  }, canTag);

  const shown = review.faces.flatMap((face, index) => {
    if (!isVideo) return [{ face, index, box: face.box }];
    const points = tracks.get(face.id) ?? (face.time !== null ? [{ time: face.time, box: face.box, score: face.score }] : []);
    const box = boxAt(points, review.time);
    return box ? [{ face, index, box }] : [];
  });

  const shownBoxes = shown.map((s) => s.box);

  return (
    <div className="face-stage-wrap">
      <div className="face-stage-area" ref={area} tabIndex={-1}>
        <div className="face-stage" style={size ? { width: size.width, height: size.height } : { visibility: 'hidden' }}>
          {isVideo ? (
            <video
              key={media.id}
              ref={review.video}
              src={mediaUrl('original', media.id)}
              poster={media.hasThumbnail ? mediaUrl('preview', media.id) : undefined}
              preload="metadata"
              onLoadedMetadata={(e) => setNatural({ width: e.currentTarget.videoWidth, height: e.currentTarget.videoHeight })}
            />
          ) : (
            <img
              key={media.id}
              src={mediaUrl('preview', media.id)}
              alt={t('library.previewOf', { name: media.name })}
              draggable={false}
              onLoad={(e) => setNatural({ width: e.currentTarget.naturalWidth, height: e.currentTarget.naturalHeight })}
            />
          )}
          <div className={canTag ? 'face-layer face-layer-draw' : 'face-layer'} {...draw.handlers}>
            {shown.map(({ face, index, box }, i) => (
              <FaceBoxView
                key={face.id}
                face={face}
                box={box}
                label={faceLabel(face, people.byId, t, i18n.language)}
                labelWidth={labelRoom(shownBoxes, i, size?.width ?? 0)}
                position={{ index: index + 1, total: review.faces.length }}
                selected={review.selected === face.id}
                canTag={canTag}
                register={review.register}
                onSelect={() => review.setSelected(face.id)}
                onOpen={(anchor, text) => review.openPicker(face, anchor, text)}
                onNext={() => review.focusNext(face.id)}
                onVerdict={(verdict) => void review.decideAndMove(face, { verdict })}
                onEscape={() => {
                  review.setSelected(null);
                  area.current?.focus();
                }}
              />
            ))}
            {draw.draft && <div className="face-draft" style={boxStyle(draw.draft)} />}
          </div>
        </div>
      </div>
      {isVideo && <VideoControls video={review.video} time={review.time} duration={media.durationS ?? 0} onTime={review.setTime} />}
      {addError && <ErrorMessage error={addError} />}
      {review.decide.error && !review.picker && <ErrorMessage error={review.decide.error} />}
      {review.picker && (
        <TagDialog
          key={review.picker.face.id}
          face={review.picker.face}
          anchor={review.picker.anchor}
          initialText={review.picker.text}
          decide={review.decide}
          onClose={review.closePicker}
        />
      )}
    </div>
  );
}
