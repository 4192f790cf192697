import { useState } from 'react';
import type { Face } from '../../../../shared/types';
import { mediaUrl } from '../../lib/api';
import { cropPlacement } from './crop';

/**
 * A square close-up of one face, cut from the upright preview (a photo) or from the video frame at the face's
 * time. The whole picture is placed so only the face and a margin show; the browser loads each picture once.
 */
export function FaceCrop({ face, className }: { face: Pick<Face, 'mediaId' | 'box' | 'time'>; className?: string }) {
  const [natural, setNatural] = useState<{ width: number; height: number } | null>(null);
  const style = natural ? cropPlacement(face.box, natural) : { visibility: 'hidden' as const };
  return (
    <span className={className ? `face-crop ${className}` : 'face-crop'}>
      {face.time !== null ? (
        <video
          src={`${mediaUrl('original', face.mediaId)}#t=${face.time.toFixed(2)}`}
          preload="auto"
          muted
          tabIndex={-1}
          style={style}
          onLoadedMetadata={(e) => setNatural({ width: e.currentTarget.videoWidth, height: e.currentTarget.videoHeight })}
        />
      ) : (
        <img
          src={mediaUrl('preview', face.mediaId)}
          alt=""
          loading="lazy"
          draggable={false}
          style={style}
          onLoad={(e) => setNatural({ width: e.currentTarget.naturalWidth, height: e.currentTarget.naturalHeight })}
        />
      )}
    </span>
  );
}
