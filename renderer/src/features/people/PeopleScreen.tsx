import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, routeHref } from '../../app/router';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Icon } from '../../components/Icon';
import { Loading } from '../../components/Loading';
import { useCommand } from '../../lib/query';
import { ChannelDialog } from '../consent/ChannelDialog';
import { PersonPanel } from '../consent/PersonPanel';
import { ClassConsent } from './ClassConsent';
import { ClasslessPeople } from './ClasslessPeople';
import { AddClassDialog, AddSchoolDialog } from './OrgDialogs';
import { OrgTree } from './OrgTree';
import { PersonDialog } from './PersonDialog';
import './people.css';
import '../consent/consent.css';

type Open = 'school' | 'class' | 'channel' | 'person' | null;

/** People & consent: pick a class, read and edit its consent matrix, open a person to see their history. */
export function PeopleScreen({ classId, schoolId }: { classId?: number; schoolId?: number }) {
  const { t } = useTranslation();
  const org = useCommand('org.get', {});
  const [open, setOpen] = useState<Open>(null);
  const [personId, setPersonId] = useState<number | null>(null);
  const firstClass = org.data?.classes[0]?.id;

  // With nothing chosen yet, show the first class rather than an empty page.
  useEffect(() => {
    if (classId === undefined && schoolId === undefined && firstClass !== undefined) {
      window.location.replace(routeHref({ screen: 'people', classId: firstClass }));
    }
  }, [classId, schoolId, firstClass]);

  if (org.error && !org.data) return <ErrorMessage error={org.error} onRetry={org.refetch} />;
  if (!org.data) return <Loading />;
  const data = org.data;

  const dialogs = (
    <>
      {open === 'school' && <AddSchoolDialog onClose={() => setOpen(null)} />}
      {open === 'class' && (
        <AddClassDialog
          org={data}
          schoolId={schoolId ?? data.classes.find((c) => c.id === classId)?.schoolId}
          onClose={() => setOpen(null)}
          onCreated={(c) => navigate({ screen: 'people', classId: c.id })}
        />
      )}
      {open === 'channel' && <ChannelDialog onClose={() => setOpen(null)} />}
      {open === 'person' && <PersonDialog org={data} classId={classId} schoolId={schoolId} onClose={() => setOpen(null)} onSaved={(p) => setPersonId(p.id)} />}
    </>
  );

  const actions = (
    <div className="toolbar">
      <button type="button" className="button" onClick={() => setOpen('person')}>
        <Icon name="plus" size={16} />
        {t('people.add')}
      </button>
      <button type="button" className="button button-quiet" onClick={() => setOpen('channel')}>
        <Icon name="plus" size={16} />
        {t('channel.add')}
      </button>
      <a className="button button-quiet" href={routeHref({ screen: 'import', tab: 'consents' })}>
        <Icon name="upload" size={16} />
        {t('import.tabs.consents')}
      </a>
    </div>
  );

  if (data.schools.length === 0) {
    return (
      <div className="people-screen">
        <EmptyState icon="school" title={t('org.noSchoolsTitle')}>
          <p>{t('org.noSchoolsText')}</p>
          <div className="button-row">
            <a className="button button-primary" href={routeHref({ screen: 'import', tab: 'people' })}>
              {t('welcome.peopleButton')}
            </a>
            <button type="button" className="button" onClick={() => setOpen('school')}>
              {t('org.addSchool')}
            </button>
          </div>
        </EmptyState>
        {dialogs}
      </div>
    );
  }

  return (
    <div className="people-screen">
      <OrgTree org={data} classId={classId} schoolId={schoolId} onAddSchool={() => setOpen('school')} onAddClass={() => setOpen('class')} />
      <section className="people-main">
        {classId === undefined && schoolId === undefined && data.classes.length === 0 && (
          <EmptyState icon="users" title={t('org.noClassesTitle')}>
            <p>{t('org.noClassesText')}</p>
            <button type="button" className="button button-primary" onClick={() => setOpen('class')}>
              {t('org.addClass')}
            </button>
          </EmptyState>
        )}
        {classId !== undefined && (
          <ClassConsent
            org={data}
            classId={classId}
            selectedPersonId={personId}
            onSelectPerson={setPersonId}
            onAddPerson={() => setOpen('person')}
            actions={actions}
          />
        )}
        {schoolId !== undefined && (
          <ClasslessPeople org={data} schoolId={schoolId} selectedPersonId={personId} onSelectPerson={setPersonId} actions={actions} />
        )}
      </section>
      {personId !== null && <PersonPanel key={personId} personId={personId} org={data} onClose={() => setPersonId(null)} />}
      {dialogs}
    </div>
  );
}
