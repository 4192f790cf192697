import { useTranslation } from 'react-i18next';
import { useCommand } from '../../lib/query';
import './faces.css';

/** How many faces still wait for a decision, beside "Faces to review" in the navigation. */
export function OpenFacesCount() {
  const { t } = useTranslation();
  const queue = useCommand('faces.queue', {});
  const open = queue.data?.reduce((n, g) => n + g.faces, 0) ?? 0;
  if (open === 0) return null;
  return (
    <span className="nav-count">
      <span aria-hidden="true">{open}</span>
      <span className="visually-hidden">{t('faces.navCount', { count: open })}</span>
    </span>
  );
}
