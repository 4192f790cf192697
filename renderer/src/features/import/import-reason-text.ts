import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CsvImportReport, CsvProblem } from '../../../../shared/contract/csv-import';
import type { ImportFailure } from '../../../../shared/contract/media';
import { csvProblemCodes } from '../../../../shared/domain/csv-problem-reasons';
import { importFailureCodes } from '../../../../shared/domain/import-failure-reasons';
import { formatBytes, formatDate } from '../../lib/format';

const known = (codes: readonly string[], code: string): boolean => codes.includes(code);
const quoted = (items: readonly string[]): string => items.map((h) => `"${h}"`).join(', ');

/**
 * Says why a file could not be imported, or what is wrong in a CSV file, in the UI's language from the code and
 * values the core gives. The core's English sentence is shown only for a failure without a code this UI knows
 * (an unexpected error, or a row stored before failures had codes), after a lead in the user's language.
 */
export function importReasonTexts(t: TFunction, lng: string) {
  const number = (n: number) => new Intl.NumberFormat(lng).format(n);
  const bytes = (n: number) => formatBytes(lng, n);
  // The names the column mapping shows, so a problem names a column the way the wizard does.
  const field = (key: string) => t(`csv.columns.${key}`, { defaultValue: key });
  const isoDay = (iso: string) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? formatDate(lng, iso) : iso);

  function failure(f: ImportFailure): string {
    if (f.code === 'unexpected' || !known(importFailureCodes, f.code)) return `${t('importReason.unexpectedFile')} ${f.error}`;
    const key = `importReason.failure.${f.code}`;
    switch (f.code) {
      case 'unsupported_type':
        return t(key, { what: t(`importReason.unsupported.${f.params.kind}`, { brand: f.params.brand ?? '' }) });
      case 'file_too_large':
        return t(key, { ...f.params, size: bytes(f.params.size), limit: bytes(f.params.limit), kind: t(`importReason.kind.${f.params.kind}`) });
      case 'too_many_pixels':
        return t(key, {
          width: number(f.params.width),
          height: number(f.params.height),
          megapixels: number(f.params.megapixels),
          limitMegapixels: number(f.params.limitMegapixels),
        });
      default:
        return t(key, f.params);
    }
  }

  function problem(p: CsvProblem): string {
    if (p.code === 'unexpected' || !known(csvProblemCodes, p.code)) return `${t('importReason.unexpectedRow')} ${p.message}`;
    const key = `importReason.csv.${p.code}`;
    switch (p.code) {
      case 'not_text':
        return t(key, { what: t(`importReason.notText.${p.params.kind}`) });
      case 'invalid_csv':
        return t(key, { line: p.params.line ?? '?', hint: t(`importReason.invalidCsv.${p.params.cause}`, { parserCode: p.params.parserCode }) });
      case 'unknown_mapped_column':
        return t(key, { key: p.params.key, kind: t(`importReason.csvKind.${p.params.kind}`), columns: p.params.columns.join(', ') });
      case 'missing_columns': {
        const missing = p.params.missing.map((m) => (m.mappedTo === null ? m.field : t('importReason.mappedTo', { field: m.field, header: m.mappedTo })));
        const headers = quoted(p.params.headers) || t('importReason.noHeaders');
        return t('importReason.csv.missing_columns', { count: missing.length, missing: missing.join(', '), headers });
      }
      case 'unused_columns':
        return t(key, { headers: quoted(p.params.headers) });
      case 'value_empty':
      case 'value_multiline':
      case 'value_too_long':
      case 'formula_cell':
      case 'date_empty':
      case 'date_in_future':
        return t(key, { ...p.params, field: field(p.params.field), ...('today' in p.params ? { today: isoDay(p.params.today) } : {}) });
      case 'date_invalid':
        return t(p.params.suggestion === null ? key : `${key}_dayFirst`, { ...p.params, field: field(p.params.field) });
      case 'choice_empty':
      case 'choice_unknown':
        return t(key, { ...p.params, field: field(p.params.field), options: p.params.options.join(', ') });
      case 'giver_must_be_guardian':
      case 'giver_must_be_pupil':
      case 'same_day_answer':
        return t(key, { ...p.params, date: isoDay(p.params.date) });
      case 'older_answer':
        return t(key, { ...p.params, date: isoDay(p.params.date), latest: isoDay(p.params.latest) });
      default:
        return t(key, p.params);
    }
  }

  /** What happened or would happen with the file, and what to do next: the core's `messages`, said from the counts. */
  function summary(r: CsvImportReport): string[] {
    const s = (key: string, count: number, extra: Record<string, string> = {}) => t(`importReason.summary.${key}`, { count, ...extra });
    const changes = () => {
      const parts =
        r.kind === 'people'
          ? [
              r.schoolsToCreate.length > 0 && s('newSchools', r.schoolsToCreate.length),
              r.classesToCreate.length > 0 && s('newClasses', r.classesToCreate.length),
              s('peopleCreated', r.peopleCreated),
              s('peopleUpdated', r.peopleUpdated),
            ]
          : [s('consentsAdded', r.consentsAdded)];
      return `${parts.filter(Boolean).join(', ')}; ${s('unchanged', r.unchanged)}`;
    };
    const out: string[] = [];
    if (r.errorCount > 0) {
      const unreadable = r.rows === 0 && r.errors.some((e) => e.line === null);
      out.push(unreadable ? t('importReason.summary.unreadable') : s('hasErrors', r.errorCount), t('importReason.summary.fixFile'));
    } else if (r.dryRun) {
      out.push(s('checked', r.rows, { changes: changes() }));
    } else if (r.peopleCreated + r.peopleUpdated + r.consentsAdded + r.schoolsToCreate.length + r.classesToCreate.length === 0) {
      out.push(s('nothingChanged', r.rows));
    } else {
      out.push(s('imported', r.rows, { changes: changes() }));
    }
    if (r.warningCount > 0) out.push(s(r.errorCount > 0 ? 'warningsBesideErrors' : 'warnings', r.warningCount));
    if (r.errors.length < r.errorCount || r.warnings.length < r.warningCount) out.push(s('cutOff', r.errors.length + r.warnings.length));
    return out;
  }

  return { failure, problem, summary };
}

export function useImportReasonTexts(): ReturnType<typeof importReasonTexts> {
  const { t, i18n } = useTranslation();
  return useMemo(() => importReasonTexts(t, i18n.language), [t, i18n.language]);
}
