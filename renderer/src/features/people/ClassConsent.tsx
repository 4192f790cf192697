import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../../../shared/contract/people';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useCommand } from '../../lib/query';
import { ConsentLegend } from '../consent/ConsentLegend';
import { ConsentMatrix } from '../consent/ConsentMatrix';

interface ClassConsentProps {
  org: Organisation;
  classId: number;
  selectedPersonId: number | null;
  onSelectPerson: (id: number) => void;
  onAddPerson: () => void;
  actions: ReactNode;
}

/** The class on screen: its name, the legend and the consent matrix. */
export function ClassConsent({ org, classId, selectedPersonId, onSelectPerson, onAddPerson, actions }: ClassConsentProps) {
  const { t } = useTranslation();
  const matrix = useCommand('consent.matrix', { classId });
  const cls = org.classes.find((c) => c.id === classId);
  const school = org.schools.find((s) => s.id === cls?.schoolId);
  const data = matrix.data?.classId === classId ? matrix.data : undefined;
  return (
    <>
      <div className="screen-header">
        <h1>{cls ? t('org.classTitle', { name: cls.name }) : t('common.loading')}</h1>
        {school && <p className="screen-count">{school.name}</p>}
        {actions}
      </div>
      <ConsentLegend />
      {matrix.error && <ErrorMessage error={matrix.error} onRetry={matrix.refetch} />}
      {!data && !matrix.error && <Loading />}
      {data && data.rows.length === 0 && (
        <EmptyState icon="users" title={t('org.emptyClass')}>
          <p>{t('org.emptyClassText')}</p>
          <button type="button" className="button button-primary" onClick={onAddPerson}>
            {t('people.add')}
          </button>
        </EmptyState>
      )}
      {data && data.rows.length > 0 && (
        <ConsentMatrix matrix={data} channels={org.channels} selectedPersonId={selectedPersonId} onSelectPerson={onSelectPerson} />
      )}
    </>
  );
}
