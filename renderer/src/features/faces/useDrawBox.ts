import { useEffect, useRef, useState, type PointerEvent } from 'react';
import type { FaceBox } from '../../../../shared/types';

/** Smaller than this (in screen pixels) is a click, not a drawn box. */
const minPx = 10;

const clamp = (v: number) => Math.min(1, Math.max(0, v));

/** Dragging on the picture draws a box (in fractions of the picture) for a face the detector missed. */
export function useDrawBox(onDrawn: (box: FaceBox) => void, enabled: boolean) {
  const start = useRef<{ x: number; y: number; rect: DOMRect } | null>(null);
  const [draft, setDraft] = useState<FaceBox | null>(null);
  const drawing = draft !== null;

  // Escape cancels a box being drawn, before it can close anything else.
  useEffect(() => {
    if (!drawing) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      start.current = null;
      setDraft(null);
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [drawing]);

  const at = (e: PointerEvent, rect: DOMRect) => ({ x: clamp((e.clientX - rect.left) / rect.width), y: clamp((e.clientY - rect.top) / rect.height) });
  const boxTo = (e: PointerEvent): FaceBox | null => {
    const s = start.current;
    if (!s) return null;
    const p = at(e, s.rect);
    return { x: Math.min(s.x, p.x), y: Math.min(s.y, p.y), w: Math.abs(p.x - s.x), h: Math.abs(p.y - s.y) };
  };

  return {
    draft,
    handlers: {
      onPointerDown: (e: PointerEvent<HTMLElement>) => {
        if (!enabled || e.button !== 0 || e.target !== e.currentTarget) return;
        const rect = e.currentTarget.getBoundingClientRect();
        start.current = { ...at(e, rect), rect };
        e.currentTarget.setPointerCapture(e.pointerId);
        setDraft(null);
      },
      onPointerMove: (e: PointerEvent<HTMLElement>) => {
        const box = boxTo(e);
        if (box) setDraft(box);
      },
      onPointerUp: (e: PointerEvent<HTMLElement>) => {
        const box = boxTo(e);
        const rect = start.current?.rect;
        start.current = null;
        setDraft(null);
        if (box && rect && box.w * rect.width >= minPx && box.h * rect.height >= minPx) onDrawn(box);
      },
    },
  };
}
