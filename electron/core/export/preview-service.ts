import type { ExportPreview, RedactionStyle } from '../../../shared/contract/export';
import { redactionBox } from '../../../shared/domain/decision-face-box';
import type { Library } from '../library';
import { contentPath } from '../library-paths';
import { resolveMedia } from '../media/media-service';
import { decideMedia, decisionContext } from './check-service';
import { facesToRedact } from './export-item';
import { exportPreset } from './presets';
import { redactPhoto } from './redact-photo';

/**
 * What an export of one photo would write, pixel for pixel (the same redaction at the channel's size
 * and quality; only the attribution metadata is left out), with its decision. Blocked media and videos
 * get the decision only.
 */
export async function previewExport(lib: Library, req: { media: string; channel: string; identity?: string; style: RedactionStyle }): Promise<ExportPreview> {
  const ctx = decisionContext(lib, { channel: req.channel, identity: req.identity });
  const media = resolveMedia(lib, req.media);
  const { decision, faces } = decideMedia(lib, media, ctx);
  if (decision.decision === 'blocked' || media.kind !== 'photo') return { mediaId: media.id, decision, image: null, width: null, height: null };
  const preset = exportPreset(lib, ctx.identity?.key ?? null, ctx.channel);
  const regions = facesToRedact(decision, faces).map((f) => redactionBox(f.box, ctx.policy.blurMargin));
  const photo = await redactPhoto(contentPath(lib.paths.store, media.sha256, `.${media.ext}`), media.ext, regions, req.style, {
    maxEdge: preset.photoMaxEdge,
    quality: preset.jpegQuality,
  });
  return { mediaId: media.id, decision, image: `data:image/jpeg;base64,${photo.jpeg.toString('base64')}`, width: photo.width, height: photo.height };
}
