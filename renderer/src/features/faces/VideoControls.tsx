import { useEffect, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import { formatDuration } from '../../lib/format';

/**
 * Play, pause and a time slider for reviewing faces in a video. The video has no controls of its own: the face
 * boxes lie over the whole picture and dragging on it draws a box.
 */
export function VideoControls({ video, time, duration, onTime }: { video: RefObject<HTMLVideoElement | null>; time: number; duration: number; onTime: (t: number) => void }) {
  const { t } = useTranslation();
  const [playing, setPlaying] = useState(false);

  useEffect(() => {
    const v = video.current;
    if (!v) return;
    let frame = 0;
    // Boxes follow the faces smoothly while playing: timeupdate alone comes only four times a second.
    const tick = () => {
      onTime(v.currentTime);
      if (!v.paused) frame = requestAnimationFrame(tick);
    };
    const onPlay = () => {
      setPlaying(true);
      frame = requestAnimationFrame(tick);
    };
    const onStop = () => {
      setPlaying(false);
      cancelAnimationFrame(frame);
      onTime(v.currentTime);
    };
    v.addEventListener('play', onPlay);
    v.addEventListener('pause', onStop);
    v.addEventListener('ended', onStop);
    v.addEventListener('seeked', onStop);
    return () => {
      cancelAnimationFrame(frame);
      v.removeEventListener('play', onPlay);
      v.removeEventListener('pause', onStop);
      v.removeEventListener('ended', onStop);
      v.removeEventListener('seeked', onStop);
    };
  }, [video, onTime]);

  return (
    <div className="video-controls">
      <button
        type="button"
        className="button button-small"
        onClick={() => {
          const v = video.current;
          if (v) void (v.paused ? v.play() : v.pause());
        }}
      >
        <Icon name={playing ? 'pause' : 'play'} size={14} />
        {playing ? t('faces.video.pause') : t('faces.video.play')}
      </button>
      <input
        type="range"
        aria-label={t('faces.video.position')}
        min={0}
        max={duration || 0}
        step={0.05}
        value={Math.min(time, duration || 0)}
        onChange={(e) => {
          const v = video.current;
          if (!v) return;
          v.currentTime = Number(e.target.value);
          onTime(v.currentTime);
        }}
      />
      <span className="video-time">
        {formatDuration(time)} / {formatDuration(duration)}
      </span>
    </div>
  );
}
