/**
 * Which media are selected in the library grid. Kept by media id, so a selection survives the grid
 * reloading its pages; the anchor is a grid position, because Shift extends over positions.
 */
export interface Selection {
  ids: ReadonlySet<number>;
  /** Where the last plain toggle happened: the fixed end of a Shift range. */
  anchor: number | null;
  /** What was selected before the current Shift range, so moving the range back also gives items back. */
  base: ReadonlySet<number>;
}

export const emptySelection: Selection = { ids: new Set(), anchor: null, base: new Set() };

/** Click or Space: the item joins or leaves the selection, and becomes the anchor. */
export function toggle(selection: Selection, index: number, id: number): Selection {
  const ids = new Set(selection.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { ids, anchor: index, base: ids };
}

/**
 * The positions a Shift+click or Shift+arrow covers: from the anchor to the target, both included. Without an
 * anchor yet, the active item becomes it, so Shift+arrows from a fresh grid select from where the user is.
 */
export function rangeOf(selection: Selection, active: number, to: number): { first: number; last: number; anchor: number } {
  const anchor = selection.anchor ?? active;
  return { first: Math.min(anchor, to), last: Math.max(anchor, to), anchor };
}

/** Shift: what was selected before the range, plus the media of the range (as a file manager does). */
export function extend(selection: Selection, rangeIds: Iterable<number>, anchor: number): Selection {
  const base = selection.anchor === null ? selection.ids : selection.base;
  const ids = new Set(base);
  for (const id of rangeIds) ids.add(id);
  return { ids, anchor, base };
}

/** Ctrl/Cmd+A: every result joins; a later Shift range adds to that. */
export function addAll(selection: Selection, allIds: Iterable<number>): Selection {
  const ids = new Set(selection.ids);
  for (const id of allIds) ids.add(id);
  return { ids, anchor: selection.anchor, base: ids };
}
