import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { may } from '../../../../shared/domain/permissions';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { useAction, useCommand } from '../../lib/query';
import { useProfile } from '../posts/use-profile';
import { ReconfirmChecklist } from './ReconfirmChecklist';
import '../posts/posts.css';
import './lifecycle.css';

const horizons = [30, 60, 90, 365];

/** Consent lifecycle: what ends soon, who turns 16, and the yearly reconfirmation forms per class. */
export function LifecycleScreen() {
  const { t } = useTranslation();
  const [days, setDays] = useState(30);
  const soon = useCommand('consent.expiring', { days });
  return (
    <div className="lifecycle-screen">
      <div className="screen-header">
        <h1>{t('publishing.lifecycle.title')}</h1>
        <Field label={t('publishing.lifecycle.days')}>
          <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {horizons.map((d) => (
              <option key={d} value={d}>
                {t('publishing.lifecycle.daysValue', { count: d })}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <p className="muted">{t('publishing.lifecycle.lead')}</p>
      {soon.error && <ErrorMessage error={soon.error} onRetry={soon.refetch} />}
      {!soon.data && !soon.error && <Loading />}
      {soon.data && (
        <>
          <section className="card">
            <h2>{t('publishing.lifecycle.expiring', { days })}</h2>
            {soon.data.expiring.length === 0 ? (
              <p className="muted">{t('publishing.lifecycle.noneExpiring')}</p>
            ) : (
              <table className="data-table">
                <thead>
                  <tr>
                    <th>{t('publishing.lifecycle.ends')}</th>
                    <th>{t('publishing.lifecycle.name')}</th>
                    <th>{t('publishing.lifecycle.class')}</th>
                    <th>{t('publishing.lifecycle.channel')}</th>
                  </tr>
                </thead>
                <tbody>
                  {soon.data.expiring.map((e) => (
                    <tr key={`${e.personId}-${e.channel}`}>
                      <td>
                        {e.validUntil}
                        {e.schoolYearEnd && <span className="muted"> ({t('publishing.lifecycle.schoolYear')})</span>}
                      </td>
                      <td>{e.name}</td>
                      <td>{e.className}</td>
                      <td>{e.channel}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section className="card">
            <h2>{t('publishing.lifecycle.turning', { days })}</h2>
            {soon.data.turningSixteen.length === 0 ? (
              <p className="muted">{t('publishing.lifecycle.noneTurning')}</p>
            ) : (
              <table className="data-table">
                <thead>
                  <tr>
                    <th>{t('publishing.lifecycle.from')}</th>
                    <th>{t('publishing.lifecycle.name')}</th>
                    <th>{t('publishing.lifecycle.class')}</th>
                    <th>{t('publishing.lifecycle.givers')}</th>
                  </tr>
                </thead>
                <tbody>
                  {soon.data.turningSixteen.map((p) => (
                    <tr key={p.personId}>
                      <td>{p.ownConsentFrom}</td>
                      <td>{p.name}</td>
                      <td>{p.className}</td>
                      <td>{p.currentGivers.map((g) => t(`publishing.lifecycle.givers_${g}`)).join(', ') || t('publishing.lifecycle.nobody')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </>
      )}
      <FormsCard />
    </div>
  );
}

function FormsCard() {
  const { t, i18n } = useTranslation();
  const profile = useProfile();
  const org = useCommand('org.get', {});
  const forms = useAction('consent.forms');
  const [classId, setClassId] = useState(0);
  const [language, setLanguage] = useState<'nl' | 'en'>(i18n.language === 'en' ? 'en' : 'nl');
  const [pages, setPages] = useState<number | null>(null);
  const [checklist, setChecklist] = useState(false);
  const classes = org.data?.classes ?? [];
  const chosen = classId || classes[0]?.id || 0;
  const schoolName = (id: number) => org.data?.schools.find((s) => s.id === id)?.name ?? '';
  const download = async () => {
    const r = await forms.run({ classId: chosen, language });
    if (!r?.pdfBase64) return;
    const bytes = Uint8Array.from(atob(r.pdfBase64), (c) => c.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `consent-forms-${classes.find((c) => c.id === chosen)?.name ?? chosen}.pdf`;
    a.click();
    URL.revokeObjectURL(url);
    setPages(r.pages);
  };
  if (!may(profile, 'consent')) return null;
  return (
    <section className="card">
      <h2>{t('publishing.lifecycle.round')}</h2>
      <p className="muted">{t('publishing.lifecycle.roundLead')}</p>
      <div className="inline-row">
        <Field label={t('publishing.lifecycle.pickClass')}>
          <select value={chosen} onChange={(e) => setClassId(Number(e.target.value))}>
            {classes.map((c) => (
              <option key={c.id} value={c.id}>
                {schoolName(c.schoolId)} · {c.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('publishing.lifecycle.language')}>
          <select value={language} onChange={(e) => setLanguage(e.target.value as 'nl' | 'en')}>
            <option value="nl">Nederlands</option>
            <option value="en">English</option>
          </select>
        </Field>
        <button type="button" className="button button-primary" disabled={forms.busy || chosen === 0} onClick={() => void download()}>
          {t('publishing.lifecycle.forms')}
        </button>
        {chosen !== 0 && (
          <button type="button" className="button" aria-expanded={checklist} onClick={() => setChecklist((open) => !open)}>
            {checklist ? t('publishing.checklist.close') : t('publishing.checklist.open')}
          </button>
        )}
      </div>
      {forms.error && <ErrorMessage error={forms.error} />}
      {pages !== null && <p className="notice notice-success">{t('publishing.lifecycle.formsDone', { count: pages })}</p>}
      {checklist && chosen !== 0 && (
        <>
          <h3>{t('publishing.checklist.title', { name: classes.find((c) => c.id === chosen)?.name ?? '' })}</h3>
          <ReconfirmChecklist key={chosen} classId={chosen} />
        </>
      )}
    </section>
  );
}
