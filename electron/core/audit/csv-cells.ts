/** Spreadsheet programs run a cell that starts with one of these as a formula (CSV injection). */
const formulaStart = /^[=+\-@\t\r]/;

/** A leading apostrophe makes a spreadsheet show the text as typed instead of running it. */
export function neutralise(value: string): string {
  return formulaStart.test(value) ? `'${value}` : value;
}

/** One RFC 4180 field: quoted when it holds a separator, quote or line break. */
export function csvField(value: string | number | null): string {
  const text = value === null ? '' : typeof value === 'number' ? String(value) : neutralise(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Lines end in CRLF, as RFC 4180 asks and Excel expects; the BOM makes Excel read UTF-8. */
export function csvDocument(header: string[], rows: (string | number | null)[][]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
