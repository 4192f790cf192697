import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../../../shared/contract/people';
import { routeHref } from '../../app/router';
import { Icon } from '../../components/Icon';

interface OrgTreeProps {
  org: Organisation;
  classId?: number;
  schoolId?: number;
  onAddSchool: () => void;
  onAddClass: () => void;
}

/** Foundation → schools → classes: where the user picks the class whose consent matrix to show. */
export function OrgTree({ org, classId, schoolId, onAddSchool, onAddClass }: OrgTreeProps) {
  const { t } = useTranslation();
  return (
    <nav className="org-tree" aria-label={t('org.schoolsAndClasses')}>
      <h2>{t('org.schoolsAndClasses')}</h2>
      {org.schools.map((s) => (
        <section key={s.id} aria-labelledby={`school-${s.id}`}>
          <h3 id={`school-${s.id}`}>
            <Icon name="school" size={16} />
            {s.name}
          </h3>
          <ul>
            {org.classes
              .filter((c) => c.schoolId === s.id)
              .map((c) => (
                <li key={c.id}>
                  <a href={routeHref({ screen: 'people', classId: c.id })} aria-current={c.id === classId ? 'page' : undefined}>
                    {c.name}
                  </a>
                </li>
              ))}
            <li>
              <a
                className="org-tree-other"
                href={routeHref({ screen: 'people', schoolId: s.id })}
                aria-current={s.id === schoolId ? 'page' : undefined}
              >
                {t('org.withoutClass')}
              </a>
            </li>
          </ul>
        </section>
      ))}
      <div className="org-tree-actions">
        <button type="button" className="button button-small button-quiet" onClick={onAddSchool}>
          <Icon name="plus" size={16} />
          {t('org.addSchool')}
        </button>
        {org.schools.length > 0 && (
          <button type="button" className="button button-small button-quiet" onClick={onAddClass}>
            <Icon name="plus" size={16} />
            {t('org.addClass')}
          </button>
        )}
      </div>
    </nav>
  );
}
