import { faceSettingsInput, type FaceSettings } from '../../../shared/contract/faces';
import type { RequestContext } from '../api/context';
import type { Library } from '../library';

const key = 'faces.settings';

/**
 * Defaults measured on the generated benchmark (bench/faces.ts) and the public-domain fixtures of
 * adults. A first detector score of 0.2, with a second look at every box under 0.9 (second-look.ts),
 * found 99 % of faces from 32 px with no false face in 80 generated 1080p scenes; without the second
 * look, 0.3 gave 0.17 false faces per image. Descriptor distances of the same adult across photos
 * were 0.07–0.49 and of different adults 0.85–0.91; 0.6 leaves room for faces that change (children)
 * while staying far from other people, and a reviewer confirms every suggestion. Video is sampled at
 * 2 frames per second with faces from 48 px (64 px halves the work: see the benchmark). Detection
 * follows every import unless a school switches it off: an unscanned photo cannot be published anyway.
 */
export const defaultFaceSettings: FaceSettings = {
  matchThreshold: 0.6,
  minFacePx: 32,
  minScore: 0.2,
  videoFps: 2,
  videoMinFacePx: 48,
  detectAfterImport: true,
};

export function readFaceSettings(lib: Library): FaceSettings {
  const stored = lib.repos.settings.get(key);
  if (stored === undefined) return defaultFaceSettings;
  const parsed = faceSettingsInput.partial().safeParse(JSON.parse(stored));
  return { ...defaultFaceSettings, ...(parsed.success ? parsed.data : {}) };
}

export function updateFaceSettings(lib: Library, ctx: RequestContext, change: Partial<FaceSettings>): FaceSettings {
  const before = readFaceSettings(lib);
  const after = { ...before, ...change };
  lib.transaction(() => {
    lib.repos.settings.set(key, JSON.stringify(after));
    lib.repos.audit.append(ctx.actor, 'faces.settings_changed', 'faces', { before, after });
  });
  return after;
}

/** The settings that change what detection finds; a change makes earlier scans stale. */
export function detectionSettingsKey(s: FaceSettings): string {
  return JSON.stringify({ minFacePx: s.minFacePx, minScore: s.minScore, videoFps: s.videoFps, videoMinFacePx: s.videoMinFacePx });
}
