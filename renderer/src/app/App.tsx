import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuditScreen } from '../features/audit/AuditScreen';
import { RestoreBanner } from '../features/backup/RestoreBanner';
import { ReviewScreen } from '../features/faces/ReviewScreen';
import { ImportScreen } from '../features/import/ImportScreen';
import { JobsPanel } from '../features/jobs/JobsPanel';
import { useJobs } from '../features/jobs/jobs-store';
import { LibraryScreen } from '../features/library/LibraryScreen';
import { ChannelsScreen } from '../features/channels-admin/ChannelsScreen';
import { PublicationsScreen } from '../features/export/PublicationsScreen';
import { LifecycleScreen } from '../features/lifecycle/LifecycleScreen';
import { PeopleScreen } from '../features/people/PeopleScreen';
import { PostsScreen } from '../features/posts/PostsScreen';
import { ProfilesScreen } from '../features/profiles/ProfilesScreen';
import { ReviewQueueScreen } from '../features/review-queue/ReviewQueueScreen';
import { Header } from './Header';
import { useRoute } from './router';
import { SideNav } from './SideNav';

export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  const [jobsOpen, setJobsOpen] = useState(true);
  const newest = useJobs()[0]?.id;

  // A job that just started is worth showing even if the user closed the panel earlier.
  useEffect(() => {
    if (newest !== undefined) setJobsOpen(true);
  }, [newest]);

  return (
    <div className="app">
      <button type="button" className="skip-link" onClick={() => main.current?.focus()}>
        {t('shell.skipToContent')}
      </button>
      <Header />
      <div className="app-body">
        <SideNav route={route} jobsOpen={jobsOpen} onToggleJobs={() => setJobsOpen((o) => !o)} />
        <main ref={main} className="main" tabIndex={-1}>
          <RestoreBanner />
          {route.screen === 'library' && <LibraryScreen mediaId={route.mediaId} />}
          {route.screen === 'people' && <PeopleScreen classId={route.classId} schoolId={route.schoolId} />}
          {route.screen === 'import' && <ImportScreen tab={route.tab} batchId={route.batchId} />}
          {route.screen === 'audit' && <AuditScreen />}
          {route.screen === 'faces' && <ReviewScreen group={route.group} />}
          {route.screen === 'posts' && <PostsScreen postId={route.postId} />}
          {route.screen === 'publications' && <PublicationsScreen publicationId={route.publicationId} />}
          {route.screen === 'review' && <ReviewQueueScreen />}
          {route.screen === 'lifecycle' && <LifecycleScreen />}
          {route.screen === 'channels' && <ChannelsScreen />}
          {route.screen === 'profiles' && <ProfilesScreen />}
        </main>
      </div>
      <JobsPanel open={jobsOpen} />
    </div>
  );
}
