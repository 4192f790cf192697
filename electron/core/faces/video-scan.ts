import { detectorMinFacePx, levelSize } from './scan-plan';
import type { SampledFrame, VideoScan, VideoScanOptions } from './detector-protocol';
import { scanImage, type FrameMemory } from './image-scan';
import { openFrame } from './photo-pixels';
import { sampleFrames } from './video-frames';

/** ffmpeg's scene score (0..1) above which a frame starts a new shot. */
export const sceneCutScore = 0.3;

/**
 * Detects faces in sampled frames of (a part of) a video. Frames are decoded straight to the
 * finest pyramid level's size, so the detector's main pass needs no second resize, and each frame's
 * finest level is scanned again only where it changed (see `scanImage`).
 */
export async function scanVideo(o: VideoScanOptions, signal?: AbortSignal): Promise<VideoScan> {
  const frameSize = levelSize(o.width, o.height, Math.min(1, detectorMinFacePx / o.minFacePx));
  const frames: SampledFrame[] = [];
  const memory: FrameMemory | undefined = o.fullScan ? undefined : {};
  const sampling = { start: o.start, end: o.end, fps: o.fps, ...frameSize, sceneThreshold: sceneCutScore };
  for await (const raw of sampleFrames(o.path, sampling, signal)) {
    const image = openFrame({ rgb: raw.rgb, ...frameSize }, o.width, o.height);
    const faces = await scanImage(image, { minFacePx: o.minFacePx, minScore: o.minScore }, signal, memory);
    frames.push({ time: raw.time, cut: frames.length > 0 && raw.sceneScore > sceneCutScore, faces });
  }
  return { frames };
}
