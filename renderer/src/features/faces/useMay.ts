import { may, type Permission } from '../../../../shared/domain/permissions';
import { useSession } from '../auth/session-context';

/** Whether the signed-in profile may do this; the core refuses it anyway, the UI only hides what would fail. */
export function useMay(permission: Permission): boolean {
  const { status } = useSession();
  const user = status.user;
  if (!user) return false;
  return may({ name: user.name, roles: user.roles, schools: user.schools, soleUser: status.mode === 'single-user' }, permission);
}
