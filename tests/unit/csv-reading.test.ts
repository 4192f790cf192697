import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { resolveColumns } from '../../electron/core/csv/columns';
import { decodeCsvBytes } from '../../electron/core/csv/decode-csv';
import { detectDelimiter, parseCsvText } from '../../electron/core/csv/parse-csv';
import { ProblemList } from '../../electron/core/csv/problem-list';

const fixture = (name: string): Buffer => readFileSync(join(__dirname, '../fixtures/csv', name));

function decoded(bytes: Uint8Array) {
  const d = decodeCsvBytes(bytes);
  if (!d.ok) throw new Error(d.message);
  return d;
}

function table(text: string) {
  const parsed = parseCsvText(text, detectDelimiter(text));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.table;
}

describe('decoding CSV bytes', () => {
  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const d = decoded(fixture('people-utf8-bom.csv'));
    expect(d.encoding).toBe('utf-8');
    expect(d.text.startsWith('external_id,')).toBe(true);
    expect(d.text).toContain('Zoë');
  });

  it('reads UTF-8 without a BOM', () => {
    const d = decoded(Buffer.from('a,b\nRené,Zoë\n', 'utf8'));
    expect(d).toMatchObject({ encoding: 'utf-8', text: 'a,b\nRené,Zoë\n' });
  });

  it('falls back to Windows-1252 when the bytes are not valid UTF-8', () => {
    const bytes = fixture('people-windows-1252.csv');
    expect(bytes.includes(0xeb)).toBe(true); // ë as one Windows-1252 byte
    const d = decoded(bytes);
    expect(d.encoding).toBe('windows-1252');
    expect(d.text).toContain('René;Müller');
    expect(d.text).toContain('Chloë;Daniëls');
  });

  it('reads the Windows-1252 characters that differ from Latin-1 (€, curly quotes)', () => {
    const d = decoded(iconv.encode('name\n€ ‘Daniëls’\n', 'windows-1252'));
    expect(d.text).toBe('name\n€ ‘Daniëls’\n');
  });

  it('refuses an image renamed to .csv with a sentence saying what it is', () => {
    const d = decodeCsvBytes(fixture('not-a-csv.csv'));
    expect(d.ok).toBe(false);
    expect(!d.ok && d.message).toMatch(/PNG image, not a CSV text file/);
  });

  it('refuses empty files, spreadsheets and other binary data', () => {
    expect(decodeCsvBytes(Buffer.alloc(0))).toMatchObject({ ok: false, message: expect.stringMatching(/empty/) });
    expect(decodeCsvBytes(Buffer.from('PK\u0003\u0004rest', 'latin1'))).toMatchObject({ ok: false, message: expect.stringMatching(/Excel/) });
    expect(decodeCsvBytes(Buffer.from([0x41, 0x00, 0x42]))).toMatchObject({ ok: false, message: expect.stringMatching(/binary/) });
  });
});

describe('delimiter and rows', () => {
  it('takes the delimiter that occurs most in the header line, ignoring quoted text', () => {
    expect(detectDelimiter('a;b;c\n1,2,3,4,5\n')).toBe(';');
    expect(detectDelimiter('a,b,c\n1;2;3;4;5\n')).toBe(',');
    expect(detectDelimiter('"x;y;z",b\n')).toBe(',');
    expect(detectDelimiter('only\n')).toBe(',');
  });

  it('parses quoted fields with delimiters, doubled quotes and line breaks, and keeps the line each row starts on', () => {
    const t = table('name;note\r\n"Visser; jr.";"says ""hi"""\r\n\r\n"two\r\nlines";x\r\nlast;y');
    expect(t.headers).toEqual(['name', 'note']);
    expect(t.rows).toEqual([
      { line: 2, cells: ['Visser; jr.', 'says "hi"'] },
      { line: 4, cells: ['two\nlines', 'x'] },
      { line: 6, cells: ['last', 'y'] },
    ]);
  });

  it('skips rows of only delimiters, as spreadsheets write them for blank lines', () => {
    expect(table('a;b\n;\n1;2\n').rows).toEqual([{ line: 3, cells: ['1', '2'] }]);
  });

  it('reports an unclosed quote with its line', () => {
    const parsed = parseCsvText('a,b\n1,2\n3,"open\n4,5\n', ',');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(/never closed/);
  });

  it('trims headers', () => {
    expect(table(' external_id , First_Name \n1,2\n').headers).toEqual(['external_id', 'First_Name']);
  });
});

describe('column mapping', () => {
  const peopleHeaders = ['external_id', 'first_name', 'last_name', 'role', 'school', 'class', 'date_of_birth'];

  it('matches the default columns case-insensitively', () => {
    const problems = new ProblemList();
    const cols = resolveColumns('people', peopleHeaders.map((h) => h.toUpperCase()), undefined, problems);
    expect(problems.errors).toEqual([]);
    expect(cols.index.get('date_of_birth')).toBe(6);
    expect(cols.mapping.first_name).toBe('FIRST_NAME');
  });

  it('reads a column from the header the mapping names', () => {
    const problems = new ProblemList();
    const headers = ['Leerlingnummer', 'Voornaam', 'Achternaam', 'Rol', 'School', 'Klas', 'Geboortedatum'];
    const cols = resolveColumns(
      'people',
      headers,
      { external_id: 'leerlingnummer', first_name: 'Voornaam', last_name: 'Achternaam', role: 'Rol', class: 'Klas', date_of_birth: 'Geboortedatum' },
      problems,
    );
    expect(problems.errors).toEqual([]);
    expect(problems.warnings).toEqual([]);
    expect([...cols.index.entries()]).toEqual(peopleHeaders.map((c, i) => [c, i]));
    expect(cols.mapping.external_id).toBe('Leerlingnummer');
  });

  it('reports missing required columns once, as a file-level error listing the headers found', () => {
    const problems = new ProblemList();
    resolveColumns('people', ['external_id', 'first_name', 'surname', 'role', 'school'], undefined, problems);
    expect(problems.errors).toHaveLength(1);
    expect(problems.errors[0]).toMatchObject({ line: null, column: null });
    expect(problems.errors[0]!.message).toBe(
      'The file lacks the columns last_name, class. Headers found: "external_id", "first_name", "surname", "role", "school". ' +
        'Rename the headers in the file or map each column to the header that holds it.',
    );
  });

  it('lets optional columns be left out: date_of_birth, given_by, valid_until', () => {
    const problems = new ProblemList();
    resolveColumns('people', peopleHeaders.slice(0, 6), undefined, problems);
    resolveColumns('consents', ['external_id', 'channel', 'status', 'given_on'], undefined, problems);
    expect(problems.errors).toEqual([]);
  });

  it('refuses a mapping for a column that does not exist and headers that appear twice', () => {
    const problems = new ProblemList();
    resolveColumns('consents', ['external_id', 'channel', 'status', 'given_on', 'Channel'], { kanaal: 'x' }, problems);
    expect(problems.errors.map((e) => e.column)).toEqual(['kanaal', 'channel']);
  });

  it('warns about columns it will ignore', () => {
    const problems = new ProblemList();
    resolveColumns('people', [...peopleHeaders, 'email'], undefined, problems);
    expect(problems.warnings.map((w) => w.message)).toEqual(['These columns are not used and will be ignored: "email".']);
  });
});
