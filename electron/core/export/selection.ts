import { ClearFrameError } from '../../../shared/result';
import type { Channel, Media } from '../../../shared/types';
import type { Library } from '../library';
import { resolveMedia } from '../media/media-service';

/** The grid pages at most this many tiles at once. */
const pageSize = 1000;

/** The media a command names (ids or sha256, each once, in the order given), or every media item by id. */
export function selectMedia(lib: Library, refs: readonly string[], all: boolean): Media[] {
  if (all) {
    const ids: number[] = [];
    for (let offset = 0; ; offset += pageSize) {
      const page = lib.repos.media.list({}, offset, pageSize);
      ids.push(...page.items.map((t) => t.id));
      if (page.items.length === 0 || offset + page.items.length >= page.total) break;
    }
    return ids.sort((a, b) => a - b).map((id) => lib.repos.media.get(id)!);
  }
  if (refs.length === 0) throw new ClearFrameError('invalid_input', 'Name the media to use (by id or sha256), or choose all media.');
  const seen = new Set<number>();
  return refs.map((ref) => resolveMedia(lib, ref)).filter((m) => !seen.has(m.id) && seen.add(m.id));
}

export function resolveChannel(lib: Library, key: string): Channel {
  const channel = lib.repos.channels.get(key);
  if (!channel) {
    const known = lib.repos.channels.list().map((c) => c.key).join(', ');
    throw new ClearFrameError('not_found', `There is no channel "${key}"; the channels are: ${known}.`);
  }
  return channel;
}
