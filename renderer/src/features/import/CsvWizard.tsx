import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CsvImportReport, CsvKind } from '../../../../shared/contract/csv-import';
import { routeHref } from '../../app/router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Icon } from '../../components/Icon';
import { Loading } from '../../components/Loading';
import { useAction } from '../../lib/query';
import { CsvMapping, expectedColumns } from './CsvMapping';
import { CsvReportView } from './CsvReportView';
import { readAsBase64 } from './read-file';

/**
 * People or consent lists from the school's admin system: choose the file, match its columns, check it
 * (a dry run that changes nothing), then apply. Apply stays off while the check finds errors.
 */
export function CsvWizard({ kind }: { kind: CsvKind }) {
  const { t } = useTranslation();
  const check = useAction('csv.import');
  const apply = useAction('csv.import');
  const [file, setFile] = useState<{ name: string; data: string } | null>(null);
  const [mapping, setMapping] = useState<Record<string, string> | undefined>(undefined);
  const [report, setReport] = useState<CsvImportReport | null>(null);
  const [result, setResult] = useState<CsvImportReport | null>(null);

  // The previous report stays on screen while the file is checked again, so the column the user just changed keeps focus.
  const latest = useRef(0);
  const dryRun = async (data: string, map: Record<string, string> | undefined) => {
    const request = ++latest.current;
    const r = await check.run({ kind, data, mapping: map, dryRun: true });
    // A slower answer for an earlier file or mapping must not replace the newer one.
    if (r && request === latest.current) setReport(r);
  };
  const choose = async (chosen: File | undefined) => {
    if (!chosen) return;
    setReport(null);
    setResult(null);
    const data = await readAsBase64(chosen);
    setFile({ name: chosen.name, data });
    setMapping(undefined);
    await dryRun(data, undefined);
  };
  const remap = (next: Record<string, string>) => {
    setMapping(next);
    if (file) void dryRun(file.data, next);
  };
  const run = async () => {
    if (!file) return;
    const r = await apply.run({ kind, data: file.data, mapping, dryRun: false });
    if (r) setResult(r);
  };
  const startOver = () => {
    setFile(null);
    setReport(null);
    setResult(null);
    setMapping(undefined);
  };

  if (result) {
    return (
      <section className="csv-wizard" aria-labelledby="csv-done">
        <div className="notice notice-success" role="status">
          <Icon name="check" />
          <div>
            <h2 id="csv-done">{t('csv.doneTitle')}</h2>
            <p>{t(`csv.doneText.${kind}`, { created: result.peopleCreated, updated: result.peopleUpdated, consents: result.consentsAdded, unchanged: result.unchanged })}</p>
          </div>
        </div>
        <div className="form-actions">
          <a className="button button-primary" href={routeHref({ screen: 'people' })}>
            {t('csv.toPeople')}
          </a>
          <button type="button" className="button" onClick={startOver}>
            {t('csv.another')}
          </button>
        </div>
      </section>
    );
  }

  const errors = report?.errors.length ?? 0;
  return (
    <div className="csv-wizard">
      <ol className="steps" aria-label={t('csv.steps')}>
        <li className={file ? 'step step-done' : 'step step-current'}>{t('csv.step1')}</li>
        <li className={report ? 'step step-done' : file ? 'step step-current' : 'step'}>{t('csv.step2')}</li>
        <li className={report ? 'step step-current' : 'step'}>{t('csv.step3')}</li>
        <li className="step">{t('csv.step4')}</li>
      </ol>

      <section className="card" aria-labelledby="csv-file">
        <h2 id="csv-file">{t(`csv.fileTitle.${kind}`)}</h2>
        <p>{t('csv.fileText')}</p>
        <p className="columns-hint">
          {expectedColumns(kind).map((c) => (
            <code key={c}>{c}</code>
          ))}
        </p>
        <p className="muted small">{t(`csv.columnsHelp.${kind}`)}</p>
        <label className="file-choice">
          <span className="button">
            <Icon name="file" size={16} />
            {file ? t('csv.chooseOther') : t('csv.chooseFile')}
          </span>
          <input type="file" accept=".csv,.txt,text/csv" className="visually-hidden" onChange={(e) => void choose(e.target.files?.[0])} />
          {file && <span className="file-name">{file.name}</span>}
        </label>
      </section>

      {check.error && <ErrorMessage error={check.error} />}
      {check.busy && <Loading label={t('csv.checking')} />}

      {report && (
        <>
          <CsvMapping kind={kind} report={report} onChange={remap} />
          <CsvReportView report={report} />
          {apply.error && <ErrorMessage error={apply.error} />}
          <div className="form-actions apply-bar">
            <button type="button" className="button button-primary" disabled={errors > 0 || report.rows === 0 || apply.busy} onClick={() => void run()}>
              {t('csv.apply')}
            </button>
            <span className="muted">{errors > 0 ? t('csv.fixFirst', { count: errors }) : t('csv.readyToApply')}</span>
          </div>
        </>
      )}
    </div>
  );
}
