import { useEffect, useState } from 'react';
import type { MediaFilter, MediaTile } from '../../../../shared/contract/media';
import type { AppError } from '../../../../shared/result';
import { idsAt } from './selection-ids';
import { addAll, emptySelection, extend, rangeOf, toggle, type Selection } from './selection';

/** The grid's selection under the current filter; a new filter starts a new selection (positions change meaning). */
export function useGridSelection(filter: MediaFilter, total: number | null, item: (index: number) => MediaTile | undefined, active: number) {
  const [selection, setSelection] = useState<Selection>(emptySelection);
  const [error, setError] = useState<AppError | null>(null);
  const key = JSON.stringify(filter);
  useEffect(() => setSelection(emptySelection), [key]);

  /** The ids of a range may have to be fetched; the change is applied to the selection as it is by then. */
  const withIds = async (first: number, last: number, change: (s: Selection, ids: number[]) => Selection) => {
    const ids = await idsAt(filter, first, last, item);
    if (!ids.ok) return setError(ids.error);
    setError(null);
    setSelection((s) => change(s, ids.value));
  };

  return {
    ids: selection.ids,
    error,
    isSelected: (id: number) => selection.ids.has(id),
    toggle: (index: number) => {
      const tile = item(index);
      if (tile) setSelection((s) => toggle(s, index, tile.id));
    },
    extend: (index: number) => {
      const range = rangeOf(selection, active, index);
      void withIds(range.first, range.last, (s, ids) => extend(s, ids, range.anchor));
    },
    selectAll: () => {
      if (total) void withIds(0, total - 1, addAll);
    },
    clear: (): boolean => {
      if (selection.ids.size === 0) return false;
      setSelection(emptySelection);
      return true;
    },
  };
}
