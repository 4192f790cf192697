import { writeFile } from 'node:fs/promises';
import type { ExifTool } from 'exiftool-vendored';
import type { RedactionStyle } from '../../../shared/contract/export';
import type { Decision } from '../../../shared/domain/decision';
import { redactionBox } from '../../../shared/domain/decision-face-box';
import { ClearFrameError } from '../../../shared/result';
import type { Media } from '../../../shared/types';
import { contentPath } from '../library-paths';
import { tempPath } from '../media/content-store';
import { attributionFor, type AttributionContext } from './attribution';
import type { StoredFace } from './decision-inputs';
import { removeQuietly } from './export-files';
import type { ChannelPreset } from './presets';
import { redactPhoto } from './redact-photo';
import { redactVideo } from './redact-video';
import { outputSize } from './video-filter';
import { probeTiming } from './video-rate';
import { trackOfFace } from './video-tracks';
import { writeAttribution } from './write-metadata';

export type Publishable = Exclude<Decision, { decision: 'blocked' }>;

export interface ItemSettings {
  store: string;
  tmp: string;
  exiftool: ExifTool;
  style: RedactionStyle;
  preset: ChannelPreset;
  margin: number;
  attribution: Omit<AttributionContext, 'fileIndex'>;
  signal?: AbortSignal;
  /** For a video: seconds written so far of `total`. */
  onProgress?: (seconds: number, total: number) => void;
}

/** The stored faces a decision says to redact. */
export function facesToRedact(decision: Publishable, faces: readonly StoredFace[]): StoredFace[] {
  if (decision.decision !== 'redact') return [];
  const ids = new Set(decision.redactions.map((r) => r.faceId));
  return faces.filter((f) => ids.has(f.id));
}

/**
 * Writes one media item, redacted as its decision says, to `path` (a temporary name the caller
 * renames when the whole export is complete). Returns how many faces were redacted.
 */
export async function writeExportFile(media: Media, decision: Publishable, faces: readonly StoredFace[], fileIndex: number, path: string, s: ItemSettings): Promise<number> {
  const redact = facesToRedact(decision, faces);
  const source = contentPath(s.store, media.sha256, `.${media.ext}`);
  const attribution = attributionFor(media, { ...s.attribution, fileIndex });
  s.signal?.throwIfAborted();
  if (media.kind === 'photo') {
    const regions = redact.map((f) => redactionBox(f.box, s.margin));
    const photo = await redactPhoto(source, media.ext, regions, s.style, { maxEdge: s.preset.photoMaxEdge, quality: s.preset.jpegQuality });
    await writeFile(path, photo.jpeg);
    await writeAttribution(s.exiftool, path, attribution);
    return redact.length;
  }
  if (!media.width || !media.height) throw new ClearFrameError('invalid_input', 'The video has no known frame size; import it again.');
  const timing = await probeTiming(source, s.signal);
  const scriptPath = tempPath(s.tmp, '.filter');
  try {
    await redactVideo({
      source,
      output: path,
      scriptPath,
      ...outputSize(media.width, media.height, s.preset.videoMaxEdge),
      ...timing,
      tracks: redact.map((f) => trackOfFace(f, timing.durationS)),
      margin: s.margin,
      style: s.style,
      maxKbps: s.preset.videoMaxKbps,
      removeAudio: decision.removeAudio,
      tags: { artist: attribution.creator, copyright: attribution.rights, comment: `${attribution.documentId} ${attribution.usageTerms}` },
      signal: s.signal,
      onProgress: (seconds) => s.onProgress?.(seconds, timing.durationS),
    });
  } finally {
    await removeQuietly(scriptPath);
  }
  return redact.length;
}
