import { createInstance } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { consentColumns, peopleColumns, type CsvImportReport, type CsvProblem } from '../../shared/contract/csv-import';
import { reportMessages } from '../../electron/core/csv/report-messages';
import type { ImportFailure } from '../../shared/contract/media';
import { csvProblemCodes, invalidCsvCauses, notTextKinds, type CsvProblemCode } from '../../shared/domain/csv-problem-reasons';
import { importFailureCodes, unsupportedKinds, type ImportFailureCode } from '../../shared/domain/import-failure-reasons';
import { importReasonTexts } from '../../renderer/src/features/import/import-reason-text';
import { en } from '../../renderer/src/i18n/en';
import { nl } from '../../renderer/src/i18n/nl';

const i18n = createInstance();
beforeAll(async () => {
  // No fallback: a Dutch text that is missing must show up as missing, not as the English one.
  await i18n.init({
    resources: { en: { translation: en }, nl: { translation: nl } },
    lng: 'en',
    fallbackLng: false,
    interpolation: { escapeValue: false },
  });
});
const texts = (lng: 'en' | 'nl') => importReasonTexts(i18n.getFixedT(lng), lng);
const languages = ['en', 'nl'] as const;

const file = (reason: Pick<ImportFailure, 'code' | 'params'>): ImportFailure => ({ path: '/photos/a.jpg', error: 'English sentence.', ...reason }) as ImportFailure;
const row = (reason: Pick<CsvProblem, 'code' | 'params'>): CsvProblem => ({ line: 3, column: 'x', message: 'English sentence.', ...reason }) as CsvProblem;

/** Every variant of every failure; typed per code so a new code needs samples here. */
const failureSamples: Record<ImportFailureCode, ImportFailure[]> = {
  not_regular_file: [file({ code: 'not_regular_file', params: {} })],
  file_gone: [file({ code: 'file_gone', params: {} })],
  cannot_open: [file({ code: 'cannot_open', params: { errno: 'EACCES' } })],
  empty_file: [file({ code: 'empty_file', params: {} })],
  unsupported_type: unsupportedKinds.map((kind) => file({ code: 'unsupported_type', params: { kind, brand: 'abcd' } })),
  file_too_large: [
    file({ code: 'file_too_large', params: { label: 'PNG', kind: 'photo', size: 300 * 1024 * 1024, limit: 200 * 1024 * 1024 } }),
    file({ code: 'file_too_large', params: { label: 'MP4', kind: 'video', size: 5 * 1024 ** 3, limit: 4 * 1024 ** 3 } }),
  ],
  image_unreadable: [file({ code: 'image_unreadable', params: { label: 'JPEG', detail: 'Input file is missing' } })],
  image_no_size: [file({ code: 'image_no_size', params: { label: 'TIFF' } })],
  too_many_pixels: [file({ code: 'too_many_pixels', params: { width: 60000, height: 60000, megapixels: 3600, limitMegapixels: 100 } })],
  image_undecodable: [file({ code: 'image_undecodable', params: { label: 'JPEG', detail: 'VipsJpeg: premature end of JPEG image' } })],
  video_unreadable: [file({ code: 'video_unreadable', params: { detail: 'moov atom not found' } })],
  video_no_description: [file({ code: 'video_no_description', params: {} })],
  video_no_picture: [file({ code: 'video_no_picture', params: {} })],
  file_changed: [file({ code: 'file_changed', params: {} })],
  tool_missing: [file({ code: 'tool_missing', params: { tool: 'ffprobe' } })],
  tool_failed: [file({ code: 'tool_failed', params: { tool: '/usr/bin/ffprobe', detail: 'spawn EACCES' } })],
  tool_output_too_large: [file({ code: 'tool_output_too_large', params: {} })],
  tool_timeout: [file({ code: 'tool_timeout', params: { seconds: 60 } })],
  folder_unreadable: [file({ code: 'folder_unreadable', params: { errno: 'EACCES' } })],
};

const fields = [...new Set([...peopleColumns, ...consentColumns])];

/** Every variant of every CSV problem; typed per code so a new code needs samples here. */
const problemSamples: Record<CsvProblemCode, CsvProblem[]> = {
  file_empty: [row({ code: 'file_empty', params: {} })],
  not_text: notTextKinds.map((kind) => row({ code: 'not_text', params: { kind } })),
  no_text: [row({ code: 'no_text', params: {} })],
  invalid_csv: [
    ...invalidCsvCauses.map((cause) => row({ code: 'invalid_csv', params: { line: 4, cause, parserCode: 'CSV_X' } })),
    row({ code: 'invalid_csv', params: { line: null, cause: 'other', parserCode: 'CSV_X' } }),
  ],
  no_header: [row({ code: 'no_header', params: {} })],
  unknown_mapped_column: [
    row({ code: 'unknown_mapped_column', params: { key: 'surname', kind: 'people', columns: [...peopleColumns] } }),
    row({ code: 'unknown_mapped_column', params: { key: 'surname', kind: 'consents', columns: [...consentColumns] } }),
  ],
  duplicate_header: [row({ code: 'duplicate_header', params: { header: 'Naam', count: 2, field: 'last_name' } })],
  missing_columns: [
    row({ code: 'missing_columns', params: { missing: [{ field: 'class', mappedTo: null }], headers: ['a', 'b'] } }),
    row({ code: 'missing_columns', params: { missing: [{ field: 'class', mappedTo: 'Groep' }, { field: 'role', mappedTo: null }], headers: [] } }),
  ],
  unused_columns: [row({ code: 'unused_columns', params: { headers: ['Notes', 'Mentor'] } })],
  too_few_fields: [row({ code: 'too_few_fields', params: { fields: 5, expected: 7 } })],
  too_many_fields: [row({ code: 'too_many_fields', params: { fields: 8, expected: 7 } })],
  value_empty: fields.map((field) => row({ code: 'value_empty', params: { field } })),
  value_multiline: [row({ code: 'value_multiline', params: { field: 'last_name' } })],
  value_too_long: [row({ code: 'value_too_long', params: { field: 'first_name', length: 255, max: 200 } })],
  formula_cell: [row({ code: 'formula_cell', params: { field: 'first_name', value: '=SUM(A1)', first: '=' } })],
  date_empty: [row({ code: 'date_empty', params: { field: 'given_on' } })],
  date_invalid: [
    row({ code: 'date_invalid', params: { field: 'date_of_birth', value: '2017-02-30', suggestion: null } }),
    row({ code: 'date_invalid', params: { field: 'date_of_birth', value: '14-03-2017', suggestion: '2017-03-14' } }),
  ],
  date_in_future: [row({ code: 'date_in_future', params: { field: 'date_of_birth', value: '2099-01-01', today: '2026-11-25' } })],
  choice_empty: [row({ code: 'choice_empty', params: { field: 'status', options: ['granted', 'refused', 'withdrawn'] } })],
  choice_unknown: [row({ code: 'choice_unknown', params: { field: 'role', value: 'teacher', options: ['pupil', 'staff'] } })],
  school_key_invalid: [row({ code: 'school_key_invalid', params: { value: 'De Linde!' } })],
  class_without_school: [row({ code: 'class_without_school', params: { className: 'Groep 5' } })],
  duplicate_external_id: [row({ code: 'duplicate_external_id', params: { externalId: 'P-1', firstLine: 2 } })],
  person_unlinked: [row({ code: 'person_unlinked', params: { person: 'Anna Jansen' } })],
  unknown_person: [row({ code: 'unknown_person', params: { externalId: 'X-9' } })],
  giver_must_be_guardian: [row({ code: 'giver_must_be_guardian', params: { person: 'Anna Jansen', date: '2025-09-01' } })],
  giver_must_be_pupil: [row({ code: 'giver_must_be_pupil', params: { person: 'Anna Jansen', date: '2025-09-01' } })],
  repeats_line: [row({ code: 'repeats_line', params: { firstLine: 4 } })],
  older_answer: [row({ code: 'older_answer', params: { date: '2025-01-01', channel: 'website', latest: '2025-09-01' } })],
  same_day_answer: [row({ code: 'same_day_answer', params: { date: '2025-09-01', channel: 'website' } })],
};

/** A sentence was found and filled in: no key, no placeholder, no `undefined`. */
function expectSaid(sentence: string): void {
  expect(sentence).not.toMatch(/importReason\.|\{\{|undefined|null/);
  expect(sentence.length).toBeGreaterThan(10);
}

describe('every import failure and CSV problem is said in English and Dutch', () => {
  it('has a sample for each code of the closed lists', () => {
    expect(Object.keys(failureSamples).sort()).toEqual([...importFailureCodes].sort());
    expect(Object.keys(problemSamples).sort()).toEqual([...csvProblemCodes].sort());
  });

  it.each(languages)('has a text per failure code, unsupported kind, CSV code and column in %s', (lng) => {
    const has = (key: string) => i18n.exists(`importReason.${key}`, { lng });
    for (const code of importFailureCodes) expect(has(`failure.${code}`), `${lng}: failure.${code}`).toBe(true);
    for (const kind of unsupportedKinds) expect(has(`unsupported.${kind}`), `${lng}: unsupported.${kind}`).toBe(true);
    for (const code of csvProblemCodes) {
      expect(has(`csv.${code}`) || has(`csv.${code}_one`), `${lng}: csv.${code}`).toBe(true);
    }
    for (const kind of notTextKinds) expect(has(`notText.${kind}`), `${lng}: notText.${kind}`).toBe(true);
    for (const cause of invalidCsvCauses) expect(has(`invalidCsv.${cause}`), `${lng}: invalidCsv.${cause}`).toBe(true);
    for (const field of fields) expect(i18n.exists(`csv.columns.${field}`, { lng }), `${lng}: csv.columns.${field}`).toBe(true);
  });

  it.each(languages)('composes every sample in %s, never falling back to the English sentence', (lng) => {
    const say = texts(lng);
    for (const f of Object.values(failureSamples).flat()) {
      const sentence = say.failure(f);
      expectSaid(sentence);
      expect(sentence).not.toContain('English sentence.');
    }
    for (const p of Object.values(problemSamples).flat()) {
      const sentence = say.problem(p);
      expectSaid(sentence);
      expect(sentence).not.toContain('English sentence.');
    }
  });

  it('says the values in each language its own way', () => {
    const bomb = failureSamples.too_many_pixels[0]!;
    expect(texts('nl').failure(bomb)).toBe(
      'De afbeelding geeft 60.000 × 60.000 pixels op (3.600 megapixel), meer dan de grens van 100 megapixel; ClearFrame weigert haar liever dan dat het geheugen opraakt.',
    );
    expect(texts('en').failure(bomb)).toContain('60,000 × 60,000 pixels (3,600 megapixels)');
    expect(texts('nl').failure(failureSamples.unsupported_type[unsupportedKinds.indexOf('text')]!)).toBe(
      'Dit is geen foto of video die ClearFrame kan lezen (het lijkt een tekstbestand).',
    );
    expect(texts('nl').problem(problemSamples.value_empty[fields.indexOf('first_name')]!)).toBe('Het veld “Voornaam” is leeg.');
    expect(texts('nl').problem(problemSamples.date_invalid[1]!)).toBe('"14-03-2017" is geen geldige datum. Het lijkt dag-maand-jaar: schrijf hem als 2017-03-14.');
    expect(texts('nl').problem(problemSamples.missing_columns[1]!)).toMatch(/^Het bestand mist de kolommen class \(gekoppeld aan "Groep"\), role\. Gevonden koppen: geen\./);
  });

  it('puts a failure or problem without a known code after a lead in the user’s language', () => {
    const raw = file({ code: 'unexpected', params: {} });
    expect(texts('nl').failure(raw)).toBe('Dit bestand kon niet worden geïmporteerd: English sentence.');
    expect(texts('en').failure(raw)).toBe('This file could not be imported: English sentence.');
    const future = { ...raw, code: 'from_a_newer_version' } as unknown as ImportFailure;
    expect(texts('nl').failure(future)).toBe('Dit bestand kon niet worden geïmporteerd: English sentence.');
    expect(texts('nl').problem(row({ code: 'unexpected', params: {} }))).toBe('Deze regel kon niet worden geïmporteerd: English sentence.');
  });
});

describe('the summary above a CSV report', () => {
  const base: CsvImportReport = {
    kind: 'people',
    dryRun: true,
    encoding: 'utf-8',
    delimiter: ',',
    headers: [],
    mapping: {},
    rows: 12,
    schoolsToCreate: ['de-linde', 'het-anker'],
    classesToCreate: ['de-linde / Groep 5', 'de-linde / Groep 6'],
    peopleCreated: 9,
    peopleUpdated: 2,
    consentsAdded: 0,
    unchanged: 1,
    errors: [],
    warnings: [],
    errorCount: 0,
    warningCount: 0,
    applied: false,
    messages: [],
  };
  const problemRow = problemSamples.date_invalid[0]!;
  const reports: CsvImportReport[] = [
    base,
    { ...base, dryRun: false, applied: true, warnings: [problemRow, problemRow], warningCount: 2 },
    { ...base, dryRun: false, applied: true, schoolsToCreate: [], classesToCreate: [], peopleCreated: 0, peopleUpdated: 0, unchanged: 12 },
    { ...base, kind: 'consents', consentsAdded: 5, schoolsToCreate: [], classesToCreate: [] },
    { ...base, errors: [problemRow, problemRow, problemRow], errorCount: 600, warnings: [problemRow, problemRow], warningCount: 2 },
    { ...base, rows: 0, errors: [row({ code: 'no_header', params: {} })], errorCount: 1 },
  ];

  it('says in English what the core says for the CLI', () => {
    for (const r of reports) expect(texts('en').summary(r)).toEqual(reportMessages(r, r.errorCount, r.warningCount));
  });

  it('says it in Dutch', () => {
    expect(texts('nl').summary(reports[0]!)).toEqual([
      '12 regels gecontroleerd; er is nog niets opgeslagen. Dit bestand toepassen geeft: 2 nieuwe scholen, 2 nieuwe klassen, 9 personen toegevoegd, 2 bijgewerkt; 1 regel ongewijzigd.',
    ]);
    expect(texts('nl').summary(reports[4]!)).toEqual([
      'Het bestand heeft 600 fouten, dus er is niets geïmporteerd: een bestand wordt helemaal of helemaal niet toegepast.',
      'Verbeter het bestand (de regels en kolommen staan hieronder) en importeer het opnieuw.',
      '2 waarschuwingen: die houden de import niet tegen, maar kijk ze na.',
      'Alleen de eerste 5 problemen staan hier; verbeter die en controleer het bestand opnieuw om de rest te zien.',
    ]);
    for (const r of reports) for (const sentence of texts('nl').summary(r)) expectSaid(sentence);
  });
});
