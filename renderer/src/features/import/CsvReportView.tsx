import { useTranslation } from 'react-i18next';
import type { CsvImportReport, CsvProblem } from '../../../../shared/contract/csv-import';
import { Icon } from '../../components/Icon';
import { useFormat } from '../../lib/format';
import { useImportReasonTexts } from './import-reason-text';

/** Long lists of problems are cut off: after a few hundred the user fixes the file, not the list. */
const maxProblems = 300;

function Problems({ title, problems, tone }: { title: string; problems: CsvProblem[]; tone: 'error' | 'warning' }) {
  const { t } = useTranslation();
  const reasons = useImportReasonTexts();
  if (problems.length === 0) return null;
  return (
    <div className={`problems problems-${tone}`}>
      <h3>
        <Icon name="alert" size={16} />
        {title}
      </h3>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('csv.line')}</th>
            <th scope="col">{t('csv.column')}</th>
            <th scope="col">{t('csv.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {problems.slice(0, maxProblems).map((p, i) => (
            <tr key={i}>
              <td>{p.line ?? '—'}</td>
              <td>{p.column ? <code>{p.column}</code> : '—'}</td>
              <td data-code={p.code}>{reasons.problem(p)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {problems.length > maxProblems && <p className="muted">{t('csv.moreProblems', { count: problems.length - maxProblems })}</p>}
    </div>
  );
}

/** What applying the file would do, and everything in it that needs fixing first. */
export function CsvReportView({ report }: { report: CsvImportReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const summary = useImportReasonTexts().summary(report);
  const counts =
    report.kind === 'people'
      ? [
          ['csv.count.rows', report.rows],
          ['csv.count.peopleCreated', report.peopleCreated],
          ['csv.count.peopleUpdated', report.peopleUpdated],
          ['csv.count.unchanged', report.unchanged],
        ]
      : [
          ['csv.count.rows', report.rows],
          ['csv.count.consentsAdded', report.consentsAdded],
          ['csv.count.unchanged', report.unchanged],
        ];
  return (
    <section className="card" aria-labelledby="csv-report" data-testid="csv-report">
      <h2 id="csv-report">{t('csv.reportTitle')}</h2>
      <p className="muted">{t('csv.reportText')}</p>
      {summary.length > 0 && (
        <ul className="report-messages">
          {summary.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      <div className="stats">
        {counts.map(([key, n]) => (
          <div key={key} className="stat stat-neutral">
            <strong>{format.number(n as number)}</strong>
            <span>{t(key as string)}</span>
          </div>
        ))}
        <div className={report.errors.length > 0 ? 'stat stat-bad' : 'stat stat-ok'}>
          <strong>{format.number(report.errors.length)}</strong>
          <span>{t('csv.count.errors')}</span>
        </div>
      </div>
      {(report.schoolsToCreate.length > 0 || report.classesToCreate.length > 0) && (
        <div className="to-create">
          {report.schoolsToCreate.length > 0 && (
            <p>
              <strong>{t('csv.schoolsToCreate')}</strong> {report.schoolsToCreate.join(', ')}
            </p>
          )}
          {report.classesToCreate.length > 0 && (
            <p>
              <strong>{t('csv.classesToCreate')}</strong> {report.classesToCreate.join(', ')}
            </p>
          )}
        </div>
      )}
      <Problems title={t('csv.errorsTitle', { count: report.errors.length })} problems={report.errors} tone="error" />
      <Problems title={t('csv.warningsTitle', { count: report.warnings.length })} problems={report.warnings} tone="warning" />
      {report.errors.length === 0 && report.warnings.length === 0 && (
        <p className="notice notice-success">
          <Icon name="check" />
          <span>{t('csv.noProblems')}</span>
        </p>
      )}
    </section>
  );
}
