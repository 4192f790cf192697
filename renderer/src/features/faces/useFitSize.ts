import { useLayoutEffect, useState, type RefObject } from 'react';

/** The largest size with the picture's proportions that fits in the element, following the element's size. */
export function useFitSize(area: RefObject<HTMLElement | null>, natural: { width: number; height: number } | null) {
  const [room, setRoom] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const el = area.current;
    if (!el) return;
    const measure = () => setRoom({ width: el.clientWidth, height: el.clientHeight });
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    measure();
    return () => observer.disconnect();
  }, [area]);
  if (!natural || natural.width <= 0 || natural.height <= 0 || room.width <= 0 || room.height <= 0) return null;
  const scale = Math.min(room.width / natural.width, room.height / natural.height);
  return { width: Math.floor(natural.width * scale), height: Math.floor(natural.height * scale) };
}
