import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { ClearFrameError } from '../../../shared/result';
import type { Media } from '../../../shared/types';
import type { Library } from '../library';
import { contentPath } from '../library-paths';
import { storedMediaType } from './detect-type';
import { previewEdge, renderPhotoJpeg, renderVideoPoster, thumbnailEdge } from './render-jpeg';

export type MediaVariant = 'thumb' | 'preview' | 'original';

const exists = (path: string) =>
  access(path, constants.R_OK).then(
    () => true,
    () => false,
  );

/** Concurrent requests for the same missing preview share one render. */
const rendering = new Map<string, Promise<void>>();

async function ensureRendered(lib: Library, media: Media, dest: string, edge: number): Promise<void> {
  if (await exists(dest)) return;
  let job = rendering.get(dest);
  if (!job) {
    const original = contentPath(lib.paths.store, media.sha256, `.${media.ext}`);
    job = (async () => {
      if (media.kind === 'video') await renderVideoPoster(original, media.durationS, edge, dest, lib.paths.tmp);
      else {
        const type = storedMediaType(media.ext);
        if (!type) throw new ClearFrameError('unsupported', `Stored files of type "${media.ext}" cannot be shown.`);
        await renderPhotoJpeg(original, type, edge, dest, lib.paths.tmp);
      }
    })().finally(() => rendering.delete(dest));
    rendering.set(dest, job);
  }
  await job;
}

/**
 * The one way files leave the library for display: by media id only, never by a path from the caller.
 * thumb: the grid's ~400 px JPEG. preview: a ~1600 px JPEG made on first request and kept in previews/
 * (browsers cannot show HEIC or TIFF, so previews are always JPEG; for a video, its poster frame).
 * original: the stored file as imported.
 */
export async function resolveMediaFile(lib: Library, variant: MediaVariant, id: number): Promise<{ path: string; mime: string }> {
  if (!Number.isSafeInteger(id) || id <= 0) throw new ClearFrameError('invalid_input', 'A media id is a positive whole number.');
  const media = lib.repos.media.get(id);
  if (!media) throw new ClearFrameError('not_found', `There is no media item ${id}.`);
  if (variant === 'original') {
    const path = contentPath(lib.paths.store, media.sha256, `.${media.ext}`);
    if (!(await exists(path))) throw new ClearFrameError('not_found', `The original of media item ${id} is missing from the library folder.`);
    return { path, mime: media.mime };
  }
  const [root, edge] = variant === 'thumb' ? [lib.paths.thumbs, thumbnailEdge] : [lib.paths.previews, previewEdge];
  const path = contentPath(root, media.sha256, '.jpg');
  try {
    await ensureRendered(lib, media, path, edge);
  } catch (err) {
    throw new ClearFrameError('not_found', `No ${variant === 'thumb' ? 'thumbnail' : 'preview'} can be shown for media item ${id} (${(err as Error).message}).`);
  }
  if (variant === 'thumb' && !media.hasThumbnail) lib.repos.media.setHasThumbnail(id, true);
  return { path, mime: 'image/jpeg' };
}
