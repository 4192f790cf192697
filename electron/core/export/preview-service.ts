import type { ExportPreview, RedactionStyle } from '../../../shared/contract/export';
import { redactionBox } from '../../../shared/domain/decision-face-box';
import { ClearFrameError } from '../../../shared/result';
import type { IsoDate, Media } from '../../../shared/types';
import type { Library } from '../library';
import { contentPath } from '../library-paths';
import { tempPath } from '../media/content-store';
import { resolveMedia } from '../media/media-service';
import { decideMedia, decisionContext } from './check-service';
import type { StoredFace } from './decision-inputs';
import { removeQuietly } from './export-files';
import { facesToRedact, type Publishable } from './export-item';
import { exportPreset, type ChannelPreset } from './presets';
import { previewFrames, previewTimes } from './preview-video';
import { redactPhoto } from './redact-photo';
import { outputSize } from './video-filter';
import { probeTiming } from './video-rate';
import { trackOfFace } from './video-tracks';

export interface PreviewRequest {
  media: string;
  channel: string;
  identity?: string;
  date?: IsoDate;
  style: RedactionStyle;
  removeAudio?: boolean;
}

const dataUrl = (jpeg: Buffer) => `data:image/jpeg;base64,${jpeg.toString('base64')}`;

interface Redaction {
  source: string;
  redact: StoredFace[];
  faces: readonly StoredFace[];
  preset: ChannelPreset;
  margin: number;
  style: RedactionStyle;
}

/** A few frames of a video, redacted by the export's own filter graph; only the filter script touches the disk, in tmp/. */
async function previewVideo(lib: Library, media: Media, r: Redaction): Promise<Pick<ExportPreview, 'frames' | 'width' | 'height'>> {
  if (!media.width || !media.height) throw new ClearFrameError('invalid_input', 'The video has no known frame size; import it again.');
  const timing = await probeTiming(r.source);
  const size = outputSize(media.width, media.height, r.preset.videoMaxEdge);
  const scriptPath = tempPath(lib.paths.tmp, '.filter');
  try {
    const graph = { source: r.source, scriptPath, ...size, ...timing, tracks: r.redact.map((f) => trackOfFace(f, timing.durationS)), margin: r.margin, style: r.style };
    const frames = await previewFrames(graph, previewTimes(r.faces, timing.durationS, timing.fps));
    return { ...size, frames: frames.map((f) => ({ time: f.time, image: dataUrl(f.jpeg) })) };
  } finally {
    await removeQuietly(scriptPath);
  }
}

function soundOf(media: Media, decision: Publishable): ExportPreview['sound'] {
  if (media.hasAudio === false) return 'none';
  return decision.removeAudio ? 'removed' : 'kept';
}

/**
 * What an export of one media item would write, with its decision: a photo pixel for pixel (the same
 * redaction at the channel's size and quality; only the attribution metadata is left out), a video as
 * a few of its frames made by the export's own filter graph. Blocked media get the decision only.
 */
export async function previewExport(lib: Library, req: PreviewRequest): Promise<ExportPreview> {
  const ctx = decisionContext(lib, { channel: req.channel, identity: req.identity, date: req.date, removeAudio: req.removeAudio });
  const media = resolveMedia(lib, req.media);
  const { decision, faces } = decideMedia(lib, media, ctx);
  const nothing = { mediaId: media.id, decision, image: null, width: null, height: null, frames: [], sound: null };
  if (decision.decision === 'blocked') return nothing;
  const r: Redaction = {
    source: contentPath(lib.paths.store, media.sha256, `.${media.ext}`),
    redact: facesToRedact(decision, faces),
    faces,
    preset: exportPreset(lib, ctx.identity?.key ?? null, ctx.channel),
    margin: ctx.policy.blurMargin,
    style: req.style,
  };
  if (media.kind === 'video') return { ...nothing, ...(await previewVideo(lib, media, r)), sound: soundOf(media, decision) };
  const regions = r.redact.map((f) => redactionBox(f.box, r.margin));
  const photo = await redactPhoto(r.source, media.ext, regions, r.style, { maxEdge: r.preset.photoMaxEdge, quality: r.preset.jpegQuality });
  return { ...nothing, image: dataUrl(photo.jpeg), width: photo.width, height: photo.height };
}
