import type { MediaFilter, MediaTile } from '../../../../shared/contract/media';
import type { Result } from '../../../../shared/result';
import { invoke } from '../../lib/api';

const chunk = 1000;

/**
 * The media ids at grid positions first..last under a filter. Tiles already loaded are used as they are; else
 * they are asked for in pages, since a range or "select all" may reach far past the rows the grid has loaded.
 */
export async function idsAt(filter: MediaFilter, first: number, last: number, loaded: (index: number) => MediaTile | undefined): Promise<Result<number[]>> {
  const known: number[] = [];
  for (let i = first; i <= last; i++) {
    const tile = loaded(i);
    if (!tile) return fetchIds(filter, first, last);
    known.push(tile.id);
  }
  return { ok: true, value: known };
}

async function fetchIds(filter: MediaFilter, first: number, last: number): Promise<Result<number[]>> {
  const ids: number[] = [];
  for (let offset = first; offset <= last; offset += chunk) {
    const result = await invoke('media.list', { filter, offset, limit: Math.min(chunk, last - offset + 1) });
    if (!result.ok) return result;
    ids.push(...result.value.items.map((t) => t.id));
    if (result.value.items.length === 0) break;
  }
  return { ok: true, value: ids };
}
