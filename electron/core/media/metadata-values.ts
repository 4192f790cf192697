/** Helpers that turn exifr's loosely shaped output (strings, lang-alt objects, arrays) into plain values. */

type Raw = unknown;

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** exifr leaves XML character references in XMP text as written, e.g. "Creator&#39;s". */
function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return entities[ref.toLowerCase()] ?? whole;
  });
}

export function isRecord(v: Raw): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);
}

export function asArray(v: Raw): unknown[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

/** One text value: a string, a number, or the x-default entry of a language alternative. */
export function text(v: Raw): string | undefined {
  if (typeof v === 'string') {
    const s = decodeEntities(v).replace(/\0/g, '').trim();
    return s.length > 0 ? s.slice(0, 2000) : undefined;
  }
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (Array.isArray(v)) {
    const preferred = v.find((x) => isRecord(x) && x.lang === 'x-default') ?? v[0];
    return text(preferred);
  }
  if (isRecord(v) && 'value' in v) return text(v.value);
  return undefined;
}

/** Every text value of a list (dc:creator, PersonInImage); lang alternatives count once. */
export function texts(v: Raw): string[] {
  if (isRecord(v) && 'lang' in v) return [text(v)].filter((s): s is string => s !== undefined);
  return asArray(v)
    .map((x) => text(x))
    .filter((s): s is string => s !== undefined);
}

export function finiteNumber(v: Raw): number | undefined {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

export function block(parsed: Record<string, unknown>, name: string): Record<string, unknown> {
  const b = parsed[name];
  return isRecord(b) ? b : {};
}

/**
 * EXIF dates are wall-clock "YYYY:MM:DD HH:MM:SS" with an optional separate offset; XMP dates are ISO.
 * Both become "YYYY-MM-DDTHH:MM:SS" (+ the offset when the camera wrote one).
 */
export function metadataDate(value: Raw, offset?: Raw): string | undefined {
  const s = text(value);
  if (!s) return undefined;
  const m = /^(\d{4})[:-](\d{2})[:-](\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?/.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, h = '00', mi = '00', sec = '00', zone] = m;
  const year = Number(y);
  if (year < 1900 || year > 2200 || Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31) return undefined;
  const tz = zone ?? text(offset);
  const suffix = tz && /^(Z|[+-]\d{2}:?\d{2})$/.test(tz) ? (tz === 'Z' ? 'Z' : `${tz.slice(0, 3)}:${tz.slice(-2)}`) : '';
  return `${y}-${mo}-${d}T${h}:${mi}:${sec}${suffix}`;
}
