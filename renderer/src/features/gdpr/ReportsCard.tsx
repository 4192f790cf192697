import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PdfReport } from '../../../../shared/contract/reports';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { Icon } from '../../components/Icon';
import { useAction, useCommand } from '../../lib/query';
import { downloadPdf } from './download-pdf';
import './gdpr.css';

const today = () => new Date().toISOString().slice(0, 10);

/** The auditor's PDF reports: a class's consent overview, and the publications of a period. */
export function ReportsCard() {
  const { t } = useTranslation();
  const org = useCommand('org.get', {});
  const consent = useAction('reports.consent');
  const publications = useAction('reports.publications');
  const [classId, setClassId] = useState<number | null>(null);
  const [onDate, setOnDate] = useState(today);
  const [from, setFrom] = useState(() => `${today().slice(0, 8)}01`);
  const [to, setTo] = useState(today);
  const [made, setMade] = useState<{ file: string; pages: number } | null>(null);
  const classes = (org.data?.classes ?? []).map((c) => ({ ...c, school: org.data?.schools.find((s) => s.id === c.schoolId)?.name ?? '' }));
  const chosen = classId ?? classes[0]?.id ?? null;

  const deliver = (report: PdfReport | null) => {
    if (!report) return;
    downloadPdf(report.name, report.pdf);
    setMade({ file: report.name, pages: report.pages });
  };
  const makeConsent = async (e: FormEvent) => {
    e.preventDefault();
    if (chosen !== null) deliver(await consent.run({ classId: chosen, date: onDate }));
  };
  const makePublications = async (e: FormEvent) => {
    e.preventDefault();
    deliver(await publications.run({ from, to }));
  };

  return (
    <section className="card reports-card" aria-labelledby="reports-title">
      <h2 id="reports-title">{t('gdpr.reports.title')}</h2>
      <p className="muted">{t('gdpr.reports.lead')}</p>
      <div className="reports-forms">
        <form className="form" onSubmit={(e) => void makeConsent(e)}>
          <h3>{t('gdpr.reports.consentTitle')}</h3>
          <div className="form-row">
            <Field label={t('gdpr.reports.class')}>
              <select value={chosen ?? ''} onChange={(e) => setClassId(Number(e.target.value))}>
                {classes.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.school} · {c.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('gdpr.reports.onDate')}>
              <input type="date" required value={onDate} onChange={(e) => setOnDate(e.target.value)} />
            </Field>
          </div>
          <button type="submit" className="button" disabled={consent.busy || chosen === null}>
            <Icon name="file" size={16} />
            {t('gdpr.reports.consent')}
          </button>
          {consent.error && <ErrorMessage error={consent.error} />}
        </form>
        <form className="form" onSubmit={(e) => void makePublications(e)}>
          <h3>{t('gdpr.reports.publicationsTitle')}</h3>
          <div className="form-row">
            <Field label={t('gdpr.reports.from')}>
              <input type="date" required value={from} onChange={(e) => setFrom(e.target.value)} />
            </Field>
            <Field label={t('gdpr.reports.to')}>
              <input type="date" required value={to} min={from} onChange={(e) => setTo(e.target.value)} />
            </Field>
          </div>
          <button type="submit" className="button" disabled={publications.busy}>
            <Icon name="file" size={16} />
            {t('gdpr.reports.publications')}
          </button>
          {publications.error && <ErrorMessage error={publications.error} />}
        </form>
      </div>
      {made && (
        <div className="notice notice-success" role="status">
          <Icon name="check" />
          <p>{t('gdpr.reports.made', { count: made.pages, file: made.file })}</p>
        </div>
      )}
    </section>
  );
}
