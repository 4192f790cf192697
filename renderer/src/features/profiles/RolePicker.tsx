import { useTranslation } from 'react-i18next';
import type { School } from '../../../../shared/types';
import { roles, type Role } from '../../../../shared/domain/permissions';

interface RolePickerProps {
  chosen: Role[];
  schools: string[];
  allSchools: School[];
  onChange: (roles: Role[], schools: string[]) => void;
}

/** Roles as checkboxes with what each may do; the schools appear for the management role, which needs them. */
export function RolePicker({ chosen, schools, allSchools, onChange }: RolePickerProps) {
  const { t } = useTranslation();
  const toggle = <T,>(list: T[], item: T) => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);
  return (
    <>
      <fieldset className="profile-choices">
        <legend>{t('profiles.form.roles')}</legend>
        {roles.map((role) => (
          <label key={role} className="checkbox">
            <input
              type="checkbox"
              checked={chosen.includes(role)}
              onChange={() => {
                const next = toggle(chosen, role);
                onChange(next, next.includes('management') ? schools : []);
              }}
            />
            <span>
              <strong>{t(`auth.account.roles.${role}`)}</strong>
              <span className="field-hint">{t(`profiles.roleHelp.${role}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {chosen.includes('management') && (
        <fieldset className="profile-choices">
          <legend>{t('profiles.form.schools')}</legend>
          <p className="field-hint">{t('profiles.form.schoolsHint')}</p>
          {allSchools.length === 0 && <p className="muted">{t('profiles.form.noSchools')}</p>}
          {allSchools.map((s) => (
            <label key={s.key} className="checkbox">
              <input type="checkbox" checked={schools.includes(s.key)} onChange={() => onChange(chosen, toggle(schools, s.key))} />
              <span>{s.name}</span>
            </label>
          ))}
        </fieldset>
      )}
    </>
  );
}
