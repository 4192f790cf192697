import { useTranslation } from 'react-i18next';
import { Icon, type IconName } from '../components/Icon';
import { OpenFacesCount } from '../features/faces/OpenFacesCount';
import { useJobs } from '../features/jobs/jobs-store';
import { useCommand } from '../lib/query';
import { useFormat } from '../lib/format';
import { routeHref, type Route } from './router';

const items: { screen: Route['screen']; icon: IconName; href: string }[] = [
  { screen: 'library', icon: 'grid', href: routeHref({ screen: 'library' }) },
  { screen: 'people', icon: 'users', href: routeHref({ screen: 'people' }) },
  { screen: 'faces', icon: 'faceScan', href: routeHref({ screen: 'faces' }) },
  { screen: 'posts', icon: 'image', href: routeHref({ screen: 'posts' }) },
  { screen: 'publications', icon: 'table', href: routeHref({ screen: 'publications' }) },
  { screen: 'review', icon: 'help', href: routeHref({ screen: 'review' }) },
  { screen: 'lifecycle', icon: 'clock', href: routeHref({ screen: 'lifecycle' }) },
  { screen: 'channels', icon: 'globe', href: routeHref({ screen: 'channels' }) },
  { screen: 'import', icon: 'upload', href: routeHref({ screen: 'import', tab: 'media' }) },
  { screen: 'audit', icon: 'clock', href: routeHref({ screen: 'audit' }) },
  { screen: 'profiles', icon: 'user', href: routeHref({ screen: 'profiles' }) },
];

export function SideNav({ route, jobsOpen, onToggleJobs }: { route: Route; jobsOpen: boolean; onToggleJobs: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const jobs = useJobs();
  const running = jobs.filter((j) => j.status === 'running').length;
  const status = useCommand('library.status', {});
  return (
    <nav className="side-nav" aria-label={t('shell.navigation')}>
      <ul>
        {items.map((item) => (
          <li key={item.screen}>
            <a href={item.href} aria-current={route.screen === item.screen ? 'page' : undefined}>
              <Icon name={item.icon} />
              {t(`shell.nav.${item.screen}`)}
              {item.screen === 'faces' && <OpenFacesCount />}
            </a>
          </li>
        ))}
      </ul>
      <div className="side-nav-bottom">
        {jobs.length > 0 && (
          <button type="button" className="activity-button" aria-expanded={jobsOpen} onClick={onToggleJobs}>
            {running > 0 ? <span className="spinner" aria-hidden="true" /> : <Icon name="activity" />}
            {running > 0 ? t('shell.activityRunning', { count: running }) : t('shell.activity')}
          </button>
        )}
        {status.data && !status.data.empty && (
          <p className="library-counts">
            {t('shell.mediaCount', { count: status.data.media, formatted: format.number(status.data.media) })}
            <br />
            {t('shell.peopleCount', { count: status.data.people, formatted: format.number(status.data.people) })}
          </p>
        )}
      </div>
    </nav>
  );
}
