import { useEffect } from 'react';

const activity = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Calls `onIdle` once nobody has used the window for `minutes`. Only the person's own input counts: background
 * refreshes (an import running) do not keep a walked-away session open.
 */
export function useInactivityLock(minutes: number, enabled: boolean, onIdle: () => void): void {
  useEffect(() => {
    if (!enabled) return;
    const limit = minutes * 60_000;
    let last = Date.now();
    let timer: ReturnType<typeof setTimeout>;
    const seen = () => {
      last = Date.now();
    };
    const check = () => {
      const idle = Date.now() - last;
      if (idle >= limit) onIdle();
      else timer = setTimeout(check, limit - idle);
    };
    for (const e of activity) window.addEventListener(e, seen, { passive: true, capture: true });
    timer = setTimeout(check, limit);
    return () => {
      clearTimeout(timer);
      for (const e of activity) window.removeEventListener(e, seen, { capture: true });
    };
  }, [minutes, enabled, onIdle]);
}
