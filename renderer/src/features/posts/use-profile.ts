import type { Profile } from '../../../../shared/domain/permissions';
import { useSession } from '../auth/session-context';

/** The signed-in profile as the permission rules read it; the core checks again, this only hides what cannot be done. */
export function useProfile(): Profile & { name: string } {
  const { status } = useSession();
  const user = status.user;
  return { name: user?.name ?? '', roles: user?.roles ?? [], schools: user?.schools ?? [], soleUser: status.mode === 'single-user' };
}

export const identityOf = (key: string) => (key === 'foundation' ? ({ kind: 'foundation' } as const) : ({ kind: 'school', key } as const));
