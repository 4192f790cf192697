import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../../shared/domain/dates';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { invoke } from '../../lib/api';
import { useCommand } from '../../lib/query';
import { channelName } from '../consent/consent-states';
import { answerKey, checklistRecords, type Answer, type Answers } from './checklist-answers';

/**
 * The returned forms of a reconfirmation round, recorded per pupil and channel: yes, no or not answered. Each
 * answer becomes a consent record through consent.set, dated the day the forms came back.
 */
export function ReconfirmChecklist({ classId }: { classId: number }) {
  const { t } = useTranslation();
  const matrix = useCommand('consent.matrix', { classId });
  const org = useCommand('org.get', {});
  const [answers, setAnswers] = useState<Answers>({});
  const [givenOn, setGivenOn] = useState(todayIso);
  const [source, setSource] = useState(() => t('publishing.checklist.paperForm'));
  const [saving, setSaving] = useState(false);
  const [failures, setFailures] = useState<string[]>([]);
  const [saved, setSaved] = useState<number | null>(null);
  const count = Object.keys(answers).length;
  const channels = matrix.data?.channels ?? [];
  const nameOf = (key: string) => channelName(t, org.data?.channels.find((c) => c.key === key) ?? { key, name: key });

  const answer = (personId: number, channel: string, value: Answer | null) =>
    setAnswers((prev) => {
      const next = { ...prev };
      if (value === null) delete next[answerKey(personId, channel)];
      else next[answerKey(personId, channel)] = value;
      return next;
    });
  const answerRow = (personId: number, value: Answer) =>
    setAnswers((prev) => Object.fromEntries([...Object.entries(prev), ...channels.map((c) => [answerKey(personId, c), value])]));

  const save = async () => {
    setSaving(true);
    setSaved(null);
    const problems: string[] = [];
    const left: Record<string, Answer> = {};
    let written = 0;
    // One record per answer; a refused one (a typo'd date, a pupil erased meanwhile) stays in the list to fix.
    for (const record of checklistRecords(answers, givenOn, source)) {
      const result = await invoke('consent.set', record);
      if (result.ok) written += 1;
      else {
        problems.push(result.error.message);
        left[answerKey(Number(record.person), record.channel)] = record.status === 'granted' ? 'yes' : 'no';
      }
    }
    setAnswers(left);
    setFailures(problems);
    setSaved(written);
    setSaving(false);
    matrix.refetch();
  };

  if (matrix.error) return <ErrorMessage error={matrix.error} onRetry={matrix.refetch} />;
  if (!matrix.data) return <Loading />;
  const rows = matrix.data.rows.filter((r) => r.person.role === 'pupil');

  return (
    <div className="checklist">
      <p className="muted">{t('publishing.checklist.lead')}</p>
      <div className="inline-row">
        <Field label={t('publishing.checklist.date')}>
          <input type="date" value={givenOn} max={todayIso()} onChange={(e) => setGivenOn(e.target.value)} required />
        </Field>
        <Field label={t('publishing.checklist.source')}>
          <input type="text" value={source} onChange={(e) => setSource(e.target.value)} />
        </Field>
      </div>
      {rows.length === 0 ? (
        <p className="muted">{t('publishing.checklist.noPupils')}</p>
      ) : (
        <div className="checklist-scroll">
          <table className="data-table checklist-table">
            <caption className="visually-hidden">{t('publishing.checklist.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('publishing.lifecycle.name')}</th>
                {channels.map((c) => (
                  <th scope="col" key={c}>
                    {nameOf(c)}
                  </th>
                ))}
                <th scope="col">{t('publishing.checklist.wholeRow')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const name = `${row.person.firstName} ${row.person.lastName}`.trim();
                return (
                  <tr key={row.person.id}>
                    <th scope="row">
                      {name}
                      {row.ownConsentFrom && <span className="field-hint">{t('publishing.checklist.ownFrom', { date: row.ownConsentFrom })}</span>}
                    </th>
                    {row.cells.map((cell) => {
                      const chosen = answers[answerKey(row.person.id, cell.channel)] ?? null;
                      return (
                        <td key={cell.channel}>
                          <select
                            className={`answer answer-${chosen ?? 'none'}`}
                            aria-label={`${name}, ${nameOf(cell.channel)}`}
                            value={chosen ?? ''}
                            onChange={(e) => answer(row.person.id, cell.channel, (e.target.value || null) as Answer | null)}
                          >
                            <option value="">{t('publishing.checklist.none')}</option>
                            <option value="yes">{t('publishing.checklist.yes')}</option>
                            <option value="no">{t('publishing.checklist.no')}</option>
                          </select>
                          <span className="field-hint">{t('publishing.checklist.now', { state: t(`consent.state.${cell.state}`) })}</span>
                        </td>
                      );
                    })}
                    <td>
                      <div className="button-row">
                        <button type="button" className="button button-small" aria-label={t('publishing.checklist.allYesFor', { name })} onClick={() => answerRow(row.person.id, 'yes')}>
                          {t('publishing.checklist.allYes')}
                        </button>
                        <button type="button" className="button button-small" aria-label={t('publishing.checklist.allNoFor', { name })} onClick={() => answerRow(row.person.id, 'no')}>
                          {t('publishing.checklist.allNo')}
                        </button>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {failures.map((f) => (
        <p key={f} className="notice notice-error" role="alert">
          {f}
        </p>
      ))}
      {saved !== null && (
        <p className="notice notice-success" role="status">
          {t('publishing.checklist.saved', { count: saved })}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="button button-primary" disabled={saving || count === 0 || givenOn === ''} onClick={() => void save()}>
          {t('publishing.checklist.save', { count })}
        </button>
        {count > 0 && (
          <button type="button" className="button button-quiet" disabled={saving} onClick={() => setAnswers({})}>
            {t('publishing.checklist.clear')}
          </button>
        )}
      </div>
    </div>
  );
}
