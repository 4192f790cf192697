import { useTranslation } from 'react-i18next';
import type { AuditEntryView } from '../../../../shared/contract/audit';
import { useFormat } from '../../lib/format';
import { actionLabel, detailLabel, detailPairs } from './audit-words';

const personId = (subject: string): number | null => {
  const m = /^person:(\d+)$/.exec(subject);
  return m ? Number(m[1]) : null;
};

/** The entries, one row each; a person's name opens their timeline. */
export function AuditTable({ entries, onPerson }: { entries: AuditEntryView[]; onPerson: (id: number) => void }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  return (
    <table className="table audit-table">
      <thead>
        <tr>
          <th scope="col">{t('audit.columns.seq')}</th>
          <th scope="col">{t('audit.columns.at')}</th>
          <th scope="col">{t('audit.columns.actor')}</th>
          <th scope="col">{t('audit.columns.action')}</th>
          <th scope="col">{t('audit.columns.subject')}</th>
          <th scope="col">{t('audit.columns.details')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => {
          const id = personId(e.subject);
          return (
            <tr key={e.seq}>
              <td className="audit-seq">{e.seq}</td>
              <td className="audit-at">
                <time dateTime={e.at}>{format.dateTime(e.at)}</time>
              </td>
              <td>{e.actor}</td>
              <td>{actionLabel(t, i18n, e.action)}</td>
              <td>
                {id !== null && e.subjectName ? (
                  <button type="button" className="link-button" title={t('audit.showTimeline', { name: e.subjectName })} onClick={() => onPerson(id)}>
                    {e.subjectName}
                  </button>
                ) : (
                  <span className="audit-subject">{e.subject}</span>
                )}
              </td>
              <td>
                <dl className="audit-details">
                  {detailPairs(e.details).map(([k, v]) => (
                    <div key={k}>
                      {k && <dt>{detailLabel(t, i18n, k)}</dt>}
                      <dd>{v}</dd>
                    </div>
                  ))}
                </dl>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
