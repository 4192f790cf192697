import { useTranslation } from 'react-i18next';
import type { Publication, PublicationPerson } from '../../../../shared/contract/export';
import type { Person } from '../../../../shared/types';
import { useFormat } from '../../lib/format';
import { useCommand } from '../../lib/query';
import { personName } from './person-name';

/**
 * What happened to a publication, in order: decided, exported, posted, the consent change that made it one to take
 * down (read from that person's consent history), and the take-down. The register keeps no date for the post
 * address (the audit log does, but not every role may read it), so that step has none.
 */
export function PublicationTimeline({ publication: p, people }: { publication: Publication; people: ReadonlyMap<number, Person> }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section className="publication-timeline" aria-label={t('exporting.publications.timeline')}>
      <h3>{t('exporting.publications.timeline')}</h3>
      <ol className="timeline">
        <li>
          <span className="timeline-when">{format.date(p.decisionDate)}</span>
          {t('exporting.publications.events.decided', { date: format.date(p.decisionDate) })}
        </li>
        <li>
          <span className="timeline-when">{format.dateTime(p.createdAt)}</span>
          {t('exporting.publications.events.exported', { by: p.by, count: p.files.length })}
        </li>
        {p.postUrl && (
          <li>
            {t('exporting.publications.events.posted', { url: p.postUrl })}
          </li>
        )}
        {p.withdrawn.map((person) => (
          <Withdrawal key={person.personId} person={person} channel={p.channel} name={personName(person, people)} />
        ))}
        {p.takedownDoneAt && (
          <li className="timeline-done">
            <span className="timeline-when">{format.dateTime(p.takedownDoneAt)}</span>
            {t('exporting.publications.events.done', { by: p.takedownDoneBy ?? '' })}
          </li>
        )}
      </ol>
    </section>
  );
}

/** The latest refusal or withdrawal of the person's consent for the channel: when the take-down arose. */
function Withdrawal({ person, channel, name }: { person: PublicationPerson; channel: string; name: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const consent = useCommand('consent.show', { person: String(person.personId) });
  const record = consent.data?.history
    .filter((r) => r.channel === channel && r.status !== 'granted')
    .sort((a, b) => b.recordedAt.localeCompare(a.recordedAt))[0];
  return (
    <li className="timeline-arose">
      <span className="timeline-when">{record ? format.date(record.givenOn) : '—'}</span>
      {record
        ? t('exporting.publications.events.arose', { name, status: t(`exporting.publications.status.${record.status}`), by: record.recordedBy })
        : t('exporting.publications.events.aroseUnknown', { name })}
    </li>
  );
}
