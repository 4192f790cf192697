import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportPreview } from '../../../../shared/contract/export';
import './video-frames.css';

/** A moment in a video to a tenth of a second, as the language writes decimals ("1:02.5", "1:02,5"). */
function frameTime(lng: string, seconds: number): string {
  const tenths = Math.round(seconds * 10);
  const minutes = Math.floor(tenths / 600);
  const rest = (tenths - minutes * 600) / 10;
  return `${minutes}:${new Intl.NumberFormat(lng, { minimumIntegerDigits: 2, minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(rest)}`;
}

const soundText = { kept: 'exporting.preview.soundKept', removed: 'exporting.preview.soundRemoved', none: 'exporting.preview.soundNone' } as const;

/** A video's preview: whether the sound goes along, one frame large, and a button per frame (with its time) to show it. */
export function VideoFrames({ preview, name }: { preview: ExportPreview; name: string }) {
  const { t, i18n } = useTranslation();
  const [shown, setShown] = useState(0);
  const frame = preview.frames[Math.min(shown, preview.frames.length - 1)];
  const time = (s: number) => frameTime(i18n.language, s);
  return (
    <>
      <p className="muted small">{t('exporting.preview.videoLead')}</p>
      {preview.sound && <p className={preview.sound === 'removed' ? 'video-sound video-sound-removed' : 'video-sound'}>{t(soundText[preview.sound])}</p>}
      {frame ? (
        <figure className="video-frame">
          <img className="preview-image" src={frame.image} alt={t('exporting.preview.frameAlt', { time: time(frame.time), name })} />
          <figcaption className="muted small">
            {time(frame.time)} · {t('exporting.preview.size', { width: preview.width, height: preview.height })}
          </figcaption>
        </figure>
      ) : (
        <p className="notice notice-warning">{t('exporting.preview.noFrames')}</p>
      )}
      {preview.frames.length > 1 && (
        <div className="video-frame-list" role="group" aria-label={t('exporting.preview.frames', { name })}>
          {preview.frames.map((f, i) => (
            <button
              key={f.time}
              type="button"
              className="video-frame-button"
              aria-pressed={i === shown}
              aria-label={t('exporting.preview.frameAt', { time: time(f.time) })}
              onClick={() => setShown(i)}
            >
              <img src={f.image} alt="" />
              <span>{time(f.time)}</span>
            </button>
          ))}
        </div>
      )}
    </>
  );
}
