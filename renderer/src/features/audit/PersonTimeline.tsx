import { useTranslation } from 'react-i18next';
import type { PersonTimelineEvent } from '../../../../shared/contract/audit';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useFormat } from '../../lib/format';
import { useCommand } from '../../lib/query';

/** What happened to one person, in plain sentences; the raw log entries follow it on the audit screen. */
export function PersonTimeline({ person }: { person: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const timeline = useCommand('audit.personTimeline', { person });
  const org = useCommand('org.get', {});
  const channel = (key: string) => org.data?.channels.find((c) => c.key === key)?.name ?? key;

  const say = (e: PersonTimelineEvent): { text: string; detail: string | null } => {
    switch (e.kind) {
      case 'consent':
        return {
          text: t(`timeline.consent.${e.status}`, { channel: channel(e.channel) }),
          detail: t(e.validUntil ? 'timeline.consentUntil' : 'timeline.consentDetail', {
            givenBy: t(`consent.givenBy.${e.givenBy}`).toLowerCase(),
            givenOn: format.date(e.givenOn),
            validUntil: e.validUntil ? format.date(e.validUntil) : '',
          }),
        };
      case 'tagged':
      case 'untagged':
        return { text: t(`timeline.${e.kind}`, { media: e.mediaName ?? t('timeline.mediaNumber', { id: e.mediaId }) }), detail: null };
      case 'published':
        return {
          text: t(`timeline.published.${e.shown}`, { id: e.publicationId, channel: channel(e.channel) }),
          detail: t('timeline.publishedDetail', { identity: e.identityName, count: e.files }),
        };
      case 'takedown_pending':
      case 'taken_down':
        return { text: t(`timeline.${e.kind}`, { id: e.publicationId, channel: channel(e.channel) }), detail: null };
    }
  };

  return (
    <section className="card person-timeline" aria-labelledby="person-timeline-title">
      <h2 id="person-timeline-title">{timeline.data ? t('audit.timeline', { name: timeline.data.person.name }) : t('timeline.title')}</h2>
      {timeline.data && <p className="muted">{t('timeline.lead', { name: timeline.data.person.name })}</p>}
      {timeline.error && <ErrorMessage error={timeline.error} onRetry={timeline.refetch} />}
      {!timeline.data && !timeline.error && <Loading />}
      {timeline.data && timeline.data.events.length === 0 && <EmptyState icon="clock" title={t('timeline.empty')} />}
      {timeline.data && timeline.data.events.length > 0 && (
        <ol className="person-events">
          {timeline.data.events.map((e, i) => {
            const { text, detail } = say(e);
            return (
              <li key={i} className={`person-event person-event-${e.kind}${e.kind === 'consent' ? ` person-event-${e.status}` : ''}`}>
                <span className="person-event-kind">{t(`timeline.kinds.${e.kind}`)}</span>
                <div className="person-event-body">
                  <p className="person-event-text">{text}</p>
                  {detail && <p className="person-event-detail">{detail}</p>}
                  <p className="person-event-meta">
                    <time dateTime={e.at}>{format.dateTime(e.at)}</time>
                    {' · '}
                    {e.by === null ? t('timeline.byClearFrame') : t('timeline.by', { by: e.by })}
                  </p>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
