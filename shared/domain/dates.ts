import type { IsoDate } from '../types';

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written YYYY-MM-DD (rejects 2024-02-30). */
export function isIsoDate(value: string): boolean {
  const m = isoDatePattern.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export function todayIso(now: Date = new Date()): IsoDate {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** Dutch school years run from 1 August to 31 July. */
export function endOfSchoolYear(date: IsoDate): IsoDate {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return month >= 8 ? `${year + 1}-07-31` : `${year}-07-31`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Age in whole years on `date`; someone born on 29 February turns a year older on 1 March in common years. */
export function ageOn(dateOfBirth: IsoDate, date: IsoDate): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}

/** The day a person reaches `years` years of age. */
export function birthday(dateOfBirth: IsoDate, years: number): IsoDate {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const y = by + years;
  const candidate = `${y}-${String(bm).padStart(2, '0')}-${String(bd).padStart(2, '0')}`;
  return isIsoDate(candidate) ? candidate : `${y}-03-01`;
}
