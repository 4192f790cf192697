import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { ClearFrameError } from '../../../shared/result';
import type { License } from '../../../shared/types';
import type { NewMedia } from '../db/repositories/media-repository';
import type { Library } from '../library';
import { contentPath } from '../library-paths';
import { ImportFileError } from './import-failure';
import { copyIntoStore, hashFile } from './content-store';
import { detectMediaType, isUnsupported, sniffLength, type MediaType } from './detect-type';
import { formatBytes, importLimits } from './limits';
import { readPhotoHeader } from './photo-header';
import { noRights, readPhotoMetadata, type EmbeddedRights } from './photo-metadata';
import { renderPhotoJpeg, renderVideoPoster, thumbnailEdge } from './render-jpeg';
import { sortTime } from './sort-time';
import { probeVideo } from './video-probe';

/** What a batch fills in where the file itself says nothing. */
export interface ImportDefaults {
  creator: string | null;
  rightsHolder: string | null;
  license: License;
  credit: string | null;
  eventName: string | null;
  schoolId: number | null;
}

export type Prepared = { duplicateOf: number } | { media: NewMedia };

async function readType(path: string): Promise<{ type: MediaType; size: number }> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new ImportFileError('invalid_input', { code: 'not_regular_file', params: {} }, 'This is not a regular file.');
    size = info.size;
  } catch (err) {
    if (err instanceof ClearFrameError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ImportFileError('not_found', { code: 'file_gone', params: {} }, 'The file is no longer there; it was moved or deleted after the import started.');
    throw new ImportFileError('io_error', { code: 'cannot_open', params: { errno: code ?? 'error' } }, `The file could not be opened (${code ?? 'error'}); check that ClearFrame may read it.`);
  }
  if (size === 0) throw new ImportFileError('invalid_input', { code: 'empty_file', params: {} }, 'The file is empty (0 bytes): it was not copied completely.');
  const head = Buffer.alloc(Math.min(sniffLength, size));
  const file = await open(path, 'r');
  try {
    await file.read(head, 0, head.length, 0);
  } finally {
    await file.close();
  }
  const type = detectMediaType(head, basename(path));
  if (isUnsupported(type)) {
    const params = type.brand === undefined ? { kind: type.what } : { kind: type.what, brand: type.brand };
    throw new ImportFileError('unsupported', { code: 'unsupported_type', params }, `This is not a photo or video ClearFrame can read (it looks like ${type.unsupported}).`);
  }
  const limit = type.kind === 'photo' ? importLimits.photoBytes : importLimits.videoBytes;
  if (size > limit) {
    throw new ImportFileError(
      'invalid_input',
      { code: 'file_too_large', params: { label: type.label, kind: type.kind, size, limit } },
      `The ${type.label} file is ${formatBytes(size)}, more than the ${formatBytes(limit)} ClearFrame takes for a ${type.kind}.`);
  }
  return { type, size };
}

function joinNames(names: string[]): string | null {
  return names.length > 0 ? names.join('; ') : null;
}

/** The file's own rights fields win over the batch defaults: they were written by whoever made the picture. */
function rightsFields(rights: EmbeddedRights, defaults: ImportDefaults) {
  return {
    creator: joinNames(rights.creator) ?? defaults.creator,
    rightsHolder: joinNames(rights.copyrightOwner) ?? rights.copyrightNotice ?? defaults.rightsHolder,
    credit: rights.creditLine ?? defaults.credit,
    license: defaults.license,
    eventName: defaults.eventName,
    schoolId: defaults.schoolId,
  };
}

/**
 * Everything for one file that can happen outside a transaction: type, limits, hash, copy into the
 * store, metadata and thumbnail. Failures throw a ClearFrameError whose message becomes the item's row.
 */
export async function prepareFile(lib: Library, path: string, batchId: number, defaults: ImportDefaults, signal?: AbortSignal): Promise<Prepared> {
  const { type } = await readType(path);
  const header = type.kind === 'photo' ? await readPhotoHeader(path, type.label) : null;
  const { sha256, bytes } = await hashFile(path, signal);
  const existing = lib.repos.media.idBySha(sha256);
  if (existing !== undefined) return { duplicateOf: existing };

  const stored = await copyIntoStore(path, sha256, type.ext, lib.paths, signal);
  const thumb = contentPath(lib.paths.thumbs, sha256, '.jpg');
  const importedAt = new Date().toISOString();
  const base = { sha256, kind: type.kind, name: basename(path), ext: type.ext, byteSize: bytes, mime: type.mime, importedAt, batchId };

  if (header) {
    const meta = await readPhotoMetadata(stored, { ...header, ext: type.ext });
    await renderPhotoJpeg(stored, type, thumbnailEdge, thumb, lib.paths.tmp);
    return {
      media: {
        ...base,
        width: header.displayWidth,
        height: header.displayHeight,
        orientation: meta.orientation,
        capturedAt: meta.capturedAt,
        sortAt: sortTime(meta.capturedAt, importedAt),
        cameraMake: meta.cameraMake,
        cameraModel: meta.cameraModel,
        hasGps: meta.hasGps,
        durationS: null,
        hasAudio: null,
        rotation: null,
        ...rightsFields(meta.embedded, defaults),
        hasThumbnail: true,
        warnings: meta.warnings,
        embedded: { ...meta.embedded },
      },
    };
  }

  const video = await probeVideo(stored, signal);
  const warnings = [...video.warnings];
  let hasThumbnail = true;
  try {
    await renderVideoPoster(stored, video.durationS, thumbnailEdge, thumb, lib.paths.tmp, signal);
  } catch (err) {
    if (signal?.aborted) throw err;
    // The video itself may still play; a missing poster is worth a warning, not a refusal.
    hasThumbnail = false;
    warnings.push(`No poster frame could be made (${(err as Error).message})`);
  }
  return {
    media: {
      ...base,
      width: video.width,
      height: video.height,
      orientation: null,
      capturedAt: video.capturedAt,
      sortAt: sortTime(video.capturedAt, importedAt),
      cameraMake: null,
      cameraModel: null,
      hasGps: video.hasGps,
      durationS: video.durationS,
      hasAudio: video.hasAudio,
      rotation: video.rotation,
      ...rightsFields(noRights, defaults),
      hasThumbnail,
      warnings,
      embedded: video.embedded,
    },
  };
}
