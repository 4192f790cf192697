import { useTranslation } from 'react-i18next';
import type { IsoDate, IsoDateTime } from '../../../shared/types';

/** Calendar days are read as local dates, so 2025-07-31 never shows as 30 July in a western time zone. */
function localDay(iso: IsoDate): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}

/** A calendar day as the user's language writes it ("1 Sep 2025", "1 sep 2025"); also used outside React. */
export function formatDate(lng: string, iso: IsoDate): string {
  return new Intl.DateTimeFormat(lng, { day: 'numeric', month: 'short', year: 'numeric' }).format(localDay(iso));
}

export function formatDuration(seconds: number): string {
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** A file size in the largest unit under 1024 of it ("1.5 MB", "1,5 MB"); also used outside React. */
export function formatBytes(lng: string, n: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(lng, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}

/** Date, number and size formatting in the language the user chose. */
export function useFormat() {
  const { i18n } = useTranslation();
  const lng = i18n.language;
  return {
    date: (iso: IsoDate) => formatDate(lng, iso),
    dateTime: (iso: IsoDateTime) => new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
    number: (n: number) => new Intl.NumberFormat(lng).format(n),
    bytes: (n: number) => formatBytes(lng, n),
  };
}
