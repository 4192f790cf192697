import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../../../shared/contract/people';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useCommand } from '../../lib/query';
import { personAge, personName } from './person-labels';

/** Staff and others in a school but in no class: they have no matrix, so their consent is set from the person panel. */
interface ClasslessProps {
  org: Organisation;
  schoolId: number;
  selectedPersonId: number | null;
  onSelectPerson: (id: number) => void;
  actions: ReactNode;
}

export function ClasslessPeople({ org, schoolId, selectedPersonId, onSelectPerson, actions }: ClasslessProps) {
  const { t } = useTranslation();
  const people = useCommand('people.list', { schoolId });
  const school = org.schools.find((s) => s.id === schoolId);
  const list = (people.data ?? []).filter((p) => p.classId === null);
  return (
    <>
      <div className="screen-header">
        <h1>{t('org.withoutClass')}</h1>
        {school && <p className="screen-count">{school.name}</p>}
        {actions}
      </div>
      {people.error && <ErrorMessage error={people.error} onRetry={people.refetch} />}
      {people.loading && <Loading />}
      {people.data && list.length === 0 && (
        <EmptyState icon="users" title={t('org.nobodyWithoutClass')}>
          <p>{t('org.nobodyWithoutClassText')}</p>
        </EmptyState>
      )}
      {list.length > 0 && <p className="muted">{t('org.withoutClassHint')}</p>}
      {list.length > 0 && (
        <ul className="people-list">
          {list.map((p) => {
            const age = personAge(p);
            return (
              <li key={p.id}>
                <button type="button" className="person-row" aria-pressed={p.id === selectedPersonId} onClick={() => onSelectPerson(p.id)}>
                  <strong>{personName(p)}</strong>
                  <span className="muted">
                    {t(`people.role.${p.role}`)}
                    {age !== null && ` · ${t('people.age', { count: age })}`}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
