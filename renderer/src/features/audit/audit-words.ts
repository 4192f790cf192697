import type { TFunction, i18n as I18n } from 'i18next';

/** A details key in plain words where there is a text for it ("givenOn" → "Given on"). */
export function detailLabel(t: TFunction, i18n: I18n, key: string): string {
  return i18n.exists(`audit.detailKeys.${key}`) ? t(`audit.detailKeys.${key}`) : key;
}

/** An action in plain words ("Consent withdrawn"); actions of later features without a text show as recorded. */
export function actionLabel(t: TFunction, i18n: I18n, action: string): string {
  const key = `audit.actions.${action}`;
  return i18n.exists(key) && typeof t(key, { returnObjects: true }) === 'string' ? t(key) : action;
}

const glance = 160;
const short = (v: string) => (v.length > glance ? `${v.slice(0, glance)}…` : v);

/** The details of an entry as short "key: value" pairs, for a glance; the CSV export has them whole. */
export function detailPairs(details: unknown): [string, string][] {
  if (details === null || typeof details !== 'object' || Array.isArray(details)) return details === undefined ? [] : [['', short(JSON.stringify(details))]];
  return Object.entries(details as Record<string, unknown>)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => [k, short(typeof v === 'string' ? v : JSON.stringify(v))]);
}
