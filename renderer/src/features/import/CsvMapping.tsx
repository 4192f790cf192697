import { useTranslation } from 'react-i18next';
import { consentColumns, peopleColumns, type CsvImportReport, type CsvKind } from '../../../../shared/contract/csv-import';

export const expectedColumns = (kind: CsvKind): readonly string[] => (kind === 'people' ? peopleColumns : consentColumns);

/** Lets the user say which column of their file holds each field ClearFrame needs, when the names differ. */
export function CsvMapping({ kind, report, onChange }: { kind: CsvKind; report: CsvImportReport; onChange: (mapping: Record<string, string>) => void }) {
  const { t } = useTranslation();
  const columns = expectedColumns(kind);
  const set = (column: string, header: string) => {
    const next = { ...report.mapping };
    if (header === '') delete next[column];
    else next[column] = header;
    onChange(next);
  };
  const found = columns.filter((c) => report.mapping[c] !== undefined).length;
  return (
    <details className="card mapping" open={found < columns.length}>
      <summary>
        <h2>{t('csv.mappingTitle')}</h2>
        <span className={found === columns.length ? 'chip chip-done' : 'chip chip-cancelled'}>
          {t('csv.mappingFound', { found, total: columns.length })}
        </span>
      </summary>
      <p>{t('csv.mappingText', { encoding: report.encoding.toUpperCase(), delimiter: report.delimiter, rows: report.rows })}</p>
      <div className="mapping-grid">
        {columns.map((column) => (
          <label key={column} className="mapping-row">
            <span className="mapping-field">
              <strong>{t(`csv.columns.${column}`)}</strong>
              <code>{column}</code>
            </span>
            <select value={report.mapping[column] ?? ''} onChange={(e) => set(column, e.target.value)}>
              <option value="">{t('csv.notInFile')}</option>
              {report.headers.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
    </details>
  );
}
