import { faceSettingsInput, type FaceSettings } from '../../../shared/contract/faces';
import type { RequestContext } from '../api/context';
import type { Library } from '../library';

const key = 'faces.settings';

/**
 * Defaults measured on the generated benchmark (bench/faces.ts) and the public-domain fixtures of
 * adults: a 0.3 detector score keeps recall for faces from 32 px near 96 % with under 0.1 false faces
 * per image. Descriptor distances of the same adult across photos were 0.07–0.49 and of different
 * adults 0.85–0.91; 0.6 leaves room for faces that change (children) while staying far from other
 * people, and a reviewer confirms every suggestion. Video is sampled coarser (faces from 48 px) so
 * that 1080p is analysed faster than real time on two cores.
 */
export const defaultFaceSettings: FaceSettings = {
  matchThreshold: 0.6,
  minFacePx: 32,
  minScore: 0.3,
  videoFps: 2,
  videoMinFacePx: 48,
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
