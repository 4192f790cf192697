import iconv from 'iconv-lite';
import type { CsvImportReport } from '../../../shared/contract/csv-import';
import type { CsvProblemReason, NotTextKind } from '../../../shared/domain/csv-problem-reasons';

export type CsvEncoding = CsvImportReport['encoding'];

export type DecodedCsv = { ok: true; text: string; encoding: CsvEncoding } | { ok: false; reason: CsvProblemReason; message: string };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

const signatures: { bytes: number[]; what: string; kind: NotTextKind }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image', kind: 'png' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image', kind: 'jpeg' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document', kind: 'pdf' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive or an Excel workbook (.xlsx)', kind: 'zip' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Excel or Word file (.xls/.doc)', kind: 'old_office' },
  { bytes: [0xff, 0xfe], what: 'text saved as UTF-16', kind: 'utf16' },
  { bytes: [0xfe, 0xff], what: 'text saved as UTF-16', kind: 'utf16' },
];

const saveAsCsv = 'Save or export the list as "CSV (comma or semicolon separated)" and choose that file.';

/** What these bytes are instead of a CSV text file, with the sentence saying so, or null when they may be one. */
function notText(bytes: Uint8Array): { kind: NotTextKind; message: string } | null {
  const known = signatures.find((s) => s.bytes.every((b, i) => bytes[i] === b));
  if (known) return { kind: known.kind, message: `This file is ${known.what}, not a CSV text file. ${saveAsCsv}` };
  // Text never holds NUL bytes; binary files almost always do within the first few kilobytes.
  if (bytes.subarray(0, 8192).includes(0)) return { kind: 'binary', message: `This file holds binary data, not CSV text. ${saveAsCsv}` };
  return null;
}

/**
 * Reads a CSV file's bytes as text. Admin systems write UTF-8 (with or without BOM) or, on older
 * Windows set-ups, Windows-1252; bytes that are not valid UTF-8 are read as Windows-1252, which
 * decodes any byte sequence, so names like "Zoë" or "René" survive either way.
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodedCsv {
  if (bytes.length === 0) return { ok: false, reason: { code: 'file_empty', params: {} }, message: 'The file is empty. Choose the exported CSV file with a header line and rows.' };
  const binary = notText(bytes);
  if (binary) return { ok: false, reason: { code: 'not_text', params: { kind: binary.kind } }, message: binary.message };
  let text: string;
  let encoding: CsvEncoding;
  try {
    text = strictUtf8.decode(bytes);
    encoding = 'utf-8';
  } catch {
    text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'windows-1252');
    encoding = 'windows-1252';
  }
  if (text.trim() === '') return { ok: false, reason: { code: 'no_text', params: {} }, message: 'The file holds no text. Choose the exported CSV file with a header line and rows.' };
  return { ok: true, text, encoding };
}
