import { runRedaction, type RedactionGraph } from './redact-video';
import type { RedactionTrack } from './video-tracks';

/** Enough frames to see each face once in a short school clip, few enough to make in a second or two. */
const maxFrames = 4;
/** Frames closer together than this show nearly the same picture: one of them is enough. */
const minGapS = 0.5;
/** Seconds of video each frame is made from: the decoder needs only the frames up to it. */
const segmentS = 0.4;

/** Where a face is in a video: its track, or the one frame it was drawn on. */
interface FaceTime {
  time: number | null;
  samples: RedactionTrack | null;
}

const middleOf = (face: FaceTime): number | null => {
  const first = face.samples?.[0];
  const last = face.samples?.[face.samples.length - 1];
  return first && last ? (first.time + last.time) / 2 : face.time;
};

/** `count` items of a sorted list, spread evenly from its first to its last. */
function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  return Array.from({ length: count }, (_, i) => items[Math.round((i * (items.length - 1)) / (count - 1))]!);
}

/**
 * The moments a preview shows: the middle of each face's track (where the face is surely on screen), or,
 * in a video without faces, moments spread evenly over it. Times are whole frames of the video.
 */
export function previewTimes(faces: readonly FaceTime[], durationS: number, fps: number): number[] {
  const lastFrame = Math.max(0, Math.floor(durationS * fps) - 1);
  const toFrame = (t: number) => Math.min(lastFrame, Math.max(0, Math.round(t * fps)));
  const middles = faces.map(middleOf).filter((t): t is number => t !== null);
  const evenly = Math.min(maxFrames, Math.max(1, Math.floor(durationS / minGapS)));
  const wanted = middles.length > 0 ? middles : Array.from({ length: evenly }, (_, i) => (durationS * (i + 0.5)) / evenly);
  const frames = wanted.map(toFrame).sort((a, b) => a - b);
  const apart: number[] = [];
  for (const f of frames) if (apart.length === 0 || f - apart[apart.length - 1]! >= minGapS * fps) apart.push(f);
  return spread(apart, maxFrames).map((f) => f / fps);
}

/**
 * The frames at `times` exactly as the export would write them: the export's own filter graph and mask,
 * run on a fraction of a second from each time, one JPEG each. Nothing is encoded beyond those frames.
 */
export async function previewFrames(graph: RedactionGraph, times: readonly number[]): Promise<{ time: number; jpeg: Buffer }[]> {
  const frames: { time: number; jpeg: Buffer }[] = [];
  // One at a time: the preview shares two cores with the library's other work.
  for (const time of times) {
    const chunks: Buffer[] = [];
    await runRedaction(graph, {
      segment: { firstFrame: Math.round(time * graph.fps), seconds: segmentS },
      global: [],
      output: ['-frames:v', '1', '-an', '-f', 'image2pipe', '-c:v', 'mjpeg', '-q:v', '3', 'pipe:1'],
      onStdout: (chunk) => chunks.push(chunk),
    });
    frames.push({ time, jpeg: Buffer.concat(chunks) });
  }
  return frames;
}
