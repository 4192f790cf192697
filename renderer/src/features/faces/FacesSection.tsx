import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MediaDetail } from '../../../../shared/contract/media';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Icon } from '../../components/Icon';
import { ProgressBar } from '../../components/ProgressBar';
import { useFormat } from '../../lib/format';
import { useAction } from '../../lib/query';
import { showInline, useJob } from '../jobs/jobs-store';
import { faceKeyAction } from './face-keys';
import { faceLabel } from './face-label';
import { faceStateIcon, formatFaceTime } from './face-states';
import { MediaFaceBadge } from './MediaFaceBadge';
import type { FaceReview } from './useFaceReview';
import { usePeople } from './usePeople';
import { KeyHelp } from './KeyHelp';

/** The side of the media view: how far the review of this item's faces is, detection, every face as a list, and the keys. */
export function FacesSection({ media, review, canTag }: { media: MediaDetail; review: FaceReview; canTag: boolean }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const people = usePeople();
  const detect = useAction('faces.detect');
  const { data } = review;
  const detection = data?.detection ?? null;
  // The corner jobs panel lies under this modal view: detection of this item shows its progress here instead.
  const [jobId, setJobId] = useState<number | null>(null);
  const job = useJob(jobId);
  const detecting = job?.status === 'running';
  useEffect(() => setJobId(null), [media.id]);
  useEffect(() => (jobId === null ? undefined : showInline(jobId)), [jobId]);
  const startDetection = async () => {
    const started = await detect.run({ media: [String(media.id)], all: false, force: detection?.current === true });
    if (started) setJobId(started.jobId);
  };

  return (
    <section className="detail-section faces-section" aria-labelledby="faces-title">
      <h3 id="faces-title">{t('faces.title')}</h3>
      {review.query.error && <ErrorMessage error={review.query.error} onRetry={review.query.refetch} />}
      {data && (
        <>
          <div className="faces-status">
            <MediaFaceBadge summary={data.summary} />
            {canTag && (
              <button
                type="button"
                className="button button-small"
                disabled={detect.busy || detecting}
                onClick={() => void startDetection()}
              >
                <Icon name="faceScan" size={16} />
                {detection ? t('faces.detectAgain') : t('faces.detect')}
              </button>
            )}
          </div>
          {detecting && job && (
            <div className="face-detecting" role="status">
              <span>{t('faces.detecting')}</span>
              <ProgressBar current={job.current} total={job.total} label={t('faces.detecting')} />
            </div>
          )}
          {job?.status === 'failed' && job.error && <ErrorMessage error={job.error} />}
          {detection && !detecting && (
            <p className="muted small">
              {detection.error
                ? t('faces.detectionFailed', { error: detection.error })
                : t('faces.detectedOn', { date: format.dateTime(detection.detectedAt), count: detection.facesFound })}
            </p>
          )}
          {detect.error && <ErrorMessage error={detect.error} />}
          {review.faces.length > 0 && (
            <ol className="face-list" aria-label={t('faces.listLabel')}>
              {review.faces.map((face, i) => (
                <li key={face.id}>
                  <button
                    type="button"
                    className={`face-row face-row-${face.state}${review.selected === face.id ? ' face-row-selected' : ''}`}
                    onClick={(e) => (canTag ? review.openPicker(face, e.currentTarget) : review.focusFace(face))}
                    onKeyDown={(e) => {
                      const action = faceKeyAction(e);
                      if (!action || (!canTag && action.kind !== 'next')) return;
                      e.preventDefault();
                      e.stopPropagation();
                      if (action.kind === 'next') review.focusNext(face.id);
                      else if (action.kind === 'verdict') void review.decideAndMove(face, { verdict: action.verdict });
                      else review.openPicker(face, e.currentTarget, action.text);
                    }}
                  >
                    <span className="face-row-number">{i + 1}</span>
                    <span className={`face-chip face-chip-${face.state}`}>
                      <Icon name={faceStateIcon[face.state]} size={13} />
                      {faceLabel(face, people.byId, t, i18n.language)}
                    </span>
                    {face.time !== null && <span className="face-row-time">{formatFaceTime(face.time)}</span>}
                    {face.source !== 'detected' && <span className="face-row-source">{t(`faces.source.${face.source}`)}</span>}
                  </button>
                </li>
              ))}
            </ol>
          )}
          {canTag && review.faces.length > 0 && (
            <KeyHelp
              id="face-keys"
              keys={[
                ['N', 'faces.keys.next'],
                ['A–Z', 'faces.keys.search'],
                ['Enter', 'faces.keys.confirm'],
                ['I', 'faces.keys.notIdentifiable'],
                ['X', 'faces.keys.notAFace'],
                ['U', 'faces.keys.undo'],
                ['Esc', 'faces.keys.cancel'],
              ]}
            />
          )}
          {canTag && <p className="face-help">{t('faces.keys.draw')}</p>}
        </>
      )}
    </section>
  );
}
