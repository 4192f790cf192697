import type { FaceSettings } from '../../../shared/contract/faces';
import type { Media } from '../../../shared/types';
import type { ScoredRect } from './box-geometry';
import type { DetectorPool } from './detector-pool';
import { linkTracks, type TrackSample } from './track-linker';

/** What one media item's scan found: boxes for a photo, tracks of boxes for a video. */
export type ScanResult = { kind: 'photo'; faces: ScoredRect[] } | { kind: 'video'; tracks: TrackSample[][] };

/** Videos shorter than this are not worth splitting over threads (each part re-opens the file). */
const minSegmentS = 8;

/** `fullScan`: scan every sampled video frame whole, the reference the benchmark measures against. */
export async function scanMedia(pool: DetectorPool, media: Media, path: string, settings: FaceSettings, signal?: AbortSignal, fullScan = false): Promise<ScanResult> {
  if (media.kind === 'photo') {
    const scan = await pool.run({ kind: 'scan-photo', path, ext: media.ext, minFacePx: settings.minFacePx, minScore: settings.minScore }, signal);
    return { kind: 'photo', faces: scan.faces };
  }
  return { kind: 'video', tracks: await scanVideoMedia(pool, media, path, settings, signal, fullScan) };
}

/**
 * A video is cut into as many parts as there are detector threads, scanned in parallel, and the
 * sampled boxes of all parts are linked into tracks together, so a face crossing a cut between
 * parts stays one track. Boxes are linked in pixels and stored as fractions.
 */
async function scanVideoMedia(pool: DetectorPool, media: Media, path: string, settings: FaceSettings, signal: AbortSignal | undefined, fullScan: boolean): Promise<TrackSample[][]> {
  const width = media.width ?? 0;
  const height = media.height ?? 0;
  if (width <= 0 || height <= 0) throw new Error('the video has no known frame size; import it again');
  const duration = media.durationS ?? 0;
  const parts = duration >= minSegmentS * 2 ? Math.min(pool.size, Math.floor(duration / minSegmentS)) : 1;
  const bounds = Array.from({ length: parts }, (_, i) => ({
    start: (duration * i) / parts,
    end: i === parts - 1 ? null : (duration * (i + 1)) / parts,
  }));
  const scans = await Promise.all(
    bounds.map((b) =>
      pool.run(
        { kind: 'scan-video', path, width, height, start: b.start, end: b.end, fps: settings.videoFps, minFacePx: settings.videoMinFacePx, minScore: settings.minScore, fullScan },
        signal,
      ),
    ),
  );
  const frames = scans.flatMap((s) =>
    s.frames.map((f) => ({ ...f, faces: f.faces.map((b) => ({ x: b.x * width, y: b.y * height, w: b.w * width, h: b.h * height, score: b.score })) })),
  );
  return linkTracks(frames).map((track) =>
    track.map((s) => ({ time: s.time, box: { x: s.box.x / width, y: s.box.y / height, w: s.box.w / width, h: s.box.h / height, score: s.box.score } })),
  );
}
