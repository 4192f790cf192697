import { useEffect, useState } from 'react';
import type { FaceInfo, TrackPoint } from '../../../../shared/contract/faces';
import { invoke } from '../../lib/api';

/** The box path over time of each face of a video, loaded once per set of faces (each track is one face). */
export function useTracks(faces: readonly FaceInfo[], isVideo: boolean): Map<number, TrackPoint[]> {
  const [tracks, setTracks] = useState(() => new Map<number, TrackPoint[]>());
  const key = isVideo ? faces.map((f) => `${f.id}:${f.trackId}:${f.time}`).join(',') : '';
  useEffect(() => {
    if (!key) return;
    let current = true;
    const ids = key.split(',').map((k) => Number(k.split(':')[0]));
    void Promise.all(ids.map(async (id) => [id, await invoke('faces.track', { face: id })] as const)).then((answers) => {
      if (!current) return;
      setTracks(new Map(answers.flatMap(([id, r]) => (r.ok ? [[id, r.value] as const] : []))));
    });
    return () => {
      current = false;
    };
  }, [key]);
  return tracks;
}
