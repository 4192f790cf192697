import type { Library } from '../library';
import { resolveMedia } from '../media/media-service';
import type { DetectionSelection } from './detection-service';

/** What "faces detect" was asked for, with media named by id or sha256 resolved (an unknown one is refused). */
export function detectionSelection(lib: Library, input: { media?: string[]; all: boolean; force: boolean }): DetectionSelection {
  if (input.all) return { all: true, force: input.force };
  return { all: false, force: input.force, mediaIds: [...new Set((input.media ?? []).map((ref) => resolveMedia(lib, ref).id))] };
}
