import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../../../shared/contract/people';
import type { ConsentCell } from '../../../../shared/contract/consent';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Icon } from '../../components/Icon';
import { Loading } from '../../components/Loading';
import { useFormat } from '../../lib/format';
import { useCommand } from '../../lib/query';
import { FaceMatchingSection } from '../faces/FaceMatchingSection';
import { PersonMediaSection } from '../faces/PersonMediaSection';
import { useMay } from '../faces/useMay';
import { DataRequestsDialog } from '../gdpr/DataRequestsDialog';
import { PersonDialog } from '../people/PersonDialog';
import { personAge, personName } from '../people/person-labels';
import { channelName } from './consent-states';
import { ConsentHistory } from './ConsentHistory';
import { ConsentPopover } from './ConsentPopover';
import { ConsentStateView } from './ConsentStateView';

/** One person: who they are, who must answer for them, their consent now per channel, and the full history. */
export function PersonPanel({ personId, org, onClose }: { personId: number; org: Organisation; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const overview = useCommand('consent.show', { person: String(personId) });
  const [editing, setEditing] = useState(false);
  const [requests, setRequests] = useState(false);
  const mayKeepPeople = useMay('people');
  const [cell, setCell] = useState<{ cell: ConsentCell; anchor: HTMLElement } | null>(null);
  const data = overview.data?.person.id === personId ? overview.data : undefined;
  const heading = useRef<HTMLHeadingElement>(null);
  const opener = useRef(document.activeElement as HTMLElement | null);
  // Move the keyboard into the panel when it opens, and back to where the user was when it closes.
  useEffect(() => heading.current?.focus(), []);
  const close = () => {
    onClose();
    opener.current?.focus();
  };
  const person = data?.person;
  const className = org.classes.find((c) => c.id === person?.classId)?.name;
  const schoolName = org.schools.find((s) => s.id === person?.schoolId)?.name;
  const age = person ? personAge(person) : null;
  const giver = data?.current[0]?.requiredGiver;

  return (
    <aside
      className="person-panel"
      aria-label={person ? personName(person) : t('common.loading')}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !cell && !editing) close();
      }}
    >
      <header className="panel-header">
        <h2 ref={heading} tabIndex={-1}>
          {person ? personName(person) : t('common.loading')}
        </h2>
        <button type="button" className="icon-button" aria-label={t('common.close')} onClick={close}>
          <Icon name="x" />
        </button>
      </header>
      {/* After an erasure the person is gone: the data-request dialog says so, this panel closes with it. */}
      {overview.error && !requests && <ErrorMessage error={overview.error} onRetry={overview.refetch} />}
      {!data && !overview.error && <Loading />}
      {person && data && (
        <div className="panel-body">
          <dl className="meta-list">
            <dt>{t('people.roleLabel')}</dt>
            <dd>{t(`people.role.${person.role}`)}</dd>
            <dt>{t('people.where')}</dt>
            <dd>{[schoolName, className].filter(Boolean).join(' · ') || '—'}</dd>
            <dt>{t('people.dateOfBirth')}</dt>
            <dd>{person.dateOfBirth ? `${format.date(person.dateOfBirth)} (${t('people.age', { count: age ?? 0 })})` : '—'}</dd>
            <dt>{t('people.externalId')}</dt>
            <dd>{person.externalId ?? '—'}</dd>
            {giver && (
              <>
                <dt>{t('consent.whoAnswers')}</dt>
                <dd>{t(`consent.givenBy.${giver}`)}</dd>
              </>
            )}
          </dl>
          <button type="button" className="button button-small" onClick={() => setEditing(true)}>
            <Icon name="edit" size={16} />
            {t('people.edit')}
          </button>
          {mayKeepPeople && (
            <button type="button" className="button button-small" onClick={() => setRequests(true)}>
              <Icon name="file" size={16} />
              {t('gdpr.requests.open')}
            </button>
          )}

          <h3>{t('consent.current')}</h3>
          <ul className="current-list">
            {data.current.map((c) => {
              const channel = org.channels.find((ch) => ch.key === c.channel) ?? { key: c.channel, name: c.channel };
              return (
                <li key={c.channel}>
                  <span>{channelName(t, channel)}</span>
                  <button
                    type="button"
                    className={`cell cell-${c.state}`}
                    aria-haspopup="dialog"
                    aria-label={`${channelName(t, channel)}: ${t(`consent.state.${c.state}`)}`}
                    onClick={(e) => setCell({ cell: c, anchor: e.currentTarget })}
                  >
                    <ConsentStateView cell={c} />
                  </button>
                </li>
              );
            })}
          </ul>

          <FaceMatchingSection person={person} />
          <PersonMediaSection personId={person.id} />

          <h3>{t('history.title')}</h3>
          <p className="muted">{t('history.explain')}</p>
          <ConsentHistory history={data.history} channels={org.channels} />
        </div>
      )}
      {cell && person && (
        <ConsentPopover
          person={person}
          channel={org.channels.find((c) => c.key === cell.cell.channel) ?? { key: cell.cell.channel, name: cell.cell.channel, kind: 'external', builtin: false }}
          cell={cell.cell}
          anchor={cell.anchor}
          onClose={() => setCell(null)}
        />
      )}
      {editing && person && <PersonDialog org={org} person={person} onClose={() => setEditing(false)} />}
      {requests && person && <DataRequestsDialog person={person} onClose={() => setRequests(false)} onErased={close} />}
    </aside>
  );
}
