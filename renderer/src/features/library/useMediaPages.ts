import { useCallback, useEffect, useRef, useState } from 'react';
import type { MediaFilter, MediaTile } from '../../../../shared/contract/media';
import type { AppError } from '../../../../shared/result';
import { invoke } from '../../lib/api';
import { useEvent } from '../../lib/query';

const pageSize = 200;
/** Two requests at a time keep a fast scroll from queueing pages the user has already scrolled past. */
const parallelPages = 2;

interface Pages {
  generation: number;
  total: number | null;
  /** What the grid shows: fresh pages, or pages from before a change until their fresh copy arrives. */
  pages: Map<number, MediaTile[]>;
  /** Pages fetched since the last change. */
  fresh: Set<number>;
  loading: Set<number>;
  wanted: number[];
}

const emptyPages = (generation: number, wanted: number[]): Pages => ({
  generation,
  total: null,
  pages: new Map(),
  fresh: new Set(),
  loading: new Set(),
  wanted,
});

/**
 * The grid's data: the total and pages of tiles fetched on demand for the rows in view, so a library of
 * 100,000 items never loads more than the user scrolls past.
 */
export function useMediaPages(filter: MediaFilter) {
  const key = JSON.stringify(filter);
  const state = useRef<Pages>(emptyPages(0, [0]));
  const [, rerender] = useState(0);
  const [error, setError] = useState<AppError | null>(null);

  const pump = useCallback(() => {
    const s = state.current;
    while (s.loading.size < parallelPages) {
      const page = s.wanted.find((p) => !s.fresh.has(p) && !s.loading.has(p));
      if (page === undefined) return;
      s.loading.add(page);
      const input = { filter: JSON.parse(key) as MediaFilter, offset: page * pageSize, limit: pageSize };
      void invoke('media.list', input).then((result) => {
        if (s !== state.current) return;
        s.loading.delete(page);
        if (result.ok) {
          s.pages.set(page, result.value.items);
          s.fresh.add(page);
          s.total = result.value.total;
          setError(null);
        } else {
          // Stop asking: the error box offers a retry instead of a request loop.
          s.wanted = [];
          setError(result.error);
        }
        rerender((n) => n + 1);
        pump();
      });
    }
  }, [key]);

  const reset = useCallback(
    (keepShowing: boolean) => {
      const old = state.current;
      const next = emptyPages(old.generation + 1, keepShowing ? old.wanted : [0]);
      // During an import the pages in view stay on screen until their fresh copy arrives, so the grid does not blink.
      if (keepShowing) {
        next.total = old.total;
        for (const p of old.wanted) {
          const page = old.pages.get(p);
          if (page) next.pages.set(p, page);
        }
      }
      state.current = next;
      setError(null);
      rerender((n) => n + 1);
      pump();
    },
    [pump],
  );

  useEffect(() => reset(false), [reset]);

  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEvent('library.changed', ({ what }) => {
    // Faces change the tiles' face badges and what a face filter matches.
    if (what !== 'media' && what !== 'org' && what !== 'faces') return;
    timer.current ??= setTimeout(() => {
      timer.current = null;
      reset(true);
    }, 500);
  });

  /** Asks for the pages holding items first..last (the rows in view). */
  const ensure = useCallback(
    (first: number, last: number) => {
      const from = Math.floor(first / pageSize);
      const to = Math.floor(Math.max(first, last) / pageSize);
      const wanted = Array.from({ length: to - from + 1 }, (_, i) => from + i);
      const s = state.current;
      if (wanted.join() === s.wanted.join()) return;
      s.wanted = wanted;
      pump();
    },
    [pump],
  );

  const s = state.current;
  return {
    total: s.total,
    item: (index: number): MediaTile | undefined => s.pages.get(Math.floor(index / pageSize))?.[index % pageSize],
    ensure,
    error,
    retry: () => reset(false),
  };
}
