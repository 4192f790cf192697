import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addAll, emptySelection, extend, rangeOf, toggle, type Selection } from '../../renderer/src/features/library/selection';

const ids = (s: Selection) => [...s.ids].sort((a, b) => a - b);
/** Media ids in a grid where the item at position i has id 100 + i. */
const idsOf = ({ first, last }: { first: number; last: number }) => Array.from({ length: last - first + 1 }, (_, i) => 100 + first + i);
/** What the grid does on Shift+click or Shift+arrow to a position. */
const shiftTo = (s: Selection, active: number, to: number) => {
  const range = rangeOf(s, active, to);
  return extend(s, idsOf(range), range.anchor);
};

describe('library grid selection', () => {
  it('toggles an item in and out and anchors at it', () => {
    const once = toggle(emptySelection, 3, 103);
    expect(ids(once)).toEqual([103]);
    expect(once.anchor).toBe(3);
    const twice = toggle(once, 3, 103);
    expect(ids(twice)).toEqual([]);
    expect(twice.anchor).toBe(3);
  });

  it('does not change the selection it was given', () => {
    const before = toggle(emptySelection, 0, 100);
    toggle(before, 1, 101);
    addAll(before, [102, 103]);
    shiftTo(before, 0, 4);
    expect(ids(before)).toEqual([100]);
  });

  it('extends from the anchor in either direction, both ends included', () => {
    const anchored = toggle(emptySelection, 5, 105);
    expect(rangeOf(anchored, 9, 2)).toEqual({ first: 2, last: 5, anchor: 5 });
    expect(rangeOf(anchored, 0, 8)).toEqual({ first: 5, last: 8, anchor: 5 });
    expect(ids(shiftTo(anchored, 5, 7))).toEqual([105, 106, 107]);
  });

  it('without an anchor, extends from the active item and anchors there', () => {
    expect(rangeOf(emptySelection, 4, 6)).toEqual({ first: 4, last: 6, anchor: 4 });
    const extended = shiftTo(emptySelection, 4, 1);
    expect(ids(extended)).toEqual([101, 102, 103, 104]);
    expect(extended.anchor).toBe(4);
  });

  it('moving a Shift range back gives its items back, but keeps what was selected before the range', () => {
    // Item 0 picked by itself, then a range from 5: right to 8, back to 6, then past the anchor to 3.
    const picked = toggle(toggle(emptySelection, 0, 100), 5, 105);
    const far = shiftTo(picked, 5, 8);
    expect(ids(far)).toEqual([100, 105, 106, 107, 108]);
    const back = shiftTo(far, 8, 6);
    expect(ids(back)).toEqual([100, 105, 106]);
    const across = shiftTo(back, 6, 3);
    expect(ids(across)).toEqual([100, 103, 104, 105]);
    // A plain toggle starts a new base: the next range adds to everything selected so far.
    const next = shiftTo(toggle(across, 9, 109), 9, 10);
    expect(ids(next)).toEqual([100, 103, 104, 105, 109, 110]);
  });

  it('select all keeps what was selected, and a later range cannot take any of it away', () => {
    const all = addAll(toggle(emptySelection, 2, 102), idsOf({ first: 0, last: 4 }));
    expect(ids(all)).toEqual([100, 101, 102, 103, 104]);
    expect(ids(shiftTo(all, 2, 3))).toEqual([100, 101, 102, 103, 104]);
  });

  it('a selection after any Shift steps is exactly the base plus the last range', () => {
    fc.assert(
      fc.property(fc.nat(40), fc.array(fc.nat(40), { minLength: 1, maxLength: 8 }), (start, targets) => {
        let s = toggle(emptySelection, start, 100 + start);
        let active = start;
        for (const to of targets) {
          s = shiftTo(s, active, to);
          active = to;
        }
        const last = targets[targets.length - 1]!;
        expect(ids(s)).toEqual(idsOf({ first: Math.min(start, last), last: Math.max(start, last) }));
      }),
    );
  });
});
