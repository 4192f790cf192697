const pad = (n: number) => String(n).padStart(2, '0');

function localWallClock(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/**
 * The grid's order and date filter use local wall-clock time ("YYYY-MM-DDTHH:MM:SS"), compared as text.
 * A photo's EXIF time already is the photographer's wall clock and is kept as written; UTC instants
 * (a video's creation time, the import time) are shown in this computer's time zone.
 */
export function sortTime(capturedAt: string | null, importedAt: string): string {
  if (capturedAt && !capturedAt.endsWith('Z')) return capturedAt.slice(0, 19);
  return localWallClock(new Date(capturedAt ?? importedAt));
}
