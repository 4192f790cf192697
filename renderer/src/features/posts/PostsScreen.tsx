import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { may } from '../../../../shared/domain/permissions';
import { routeHref } from '../../app/router';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Icon } from '../../components/Icon';
import { useCommand } from '../../lib/query';
import { NewPostForm } from './NewPostForm';
import { PostDetail } from './PostDetail';
import { useProfile } from './use-profile';
import './posts.css';

/** Posts: staff prepare them, management or board release them (rule 2), each with its decisions per media. */
export function PostsScreen({ postId }: { postId?: number }) {
  const { t } = useTranslation();
  const profile = useProfile();
  const posts = useCommand('posts.list', {});
  const [creating, setCreating] = useState(false);
  // Opening a post (e.g. the one just created) closes the new-post form.
  useEffect(() => setCreating(false), [postId]);
  return (
    <div className="posts-screen">
      <div className="screen-header">
        <h1>{t('publishing.posts.title')}</h1>
        {may(profile, 'prepare') && (
          <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
            <Icon name="plus" size={16} />
            {t('publishing.posts.new')}
          </button>
        )}
      </div>
      <p className="muted">{t('publishing.posts.lead')}</p>
      {posts.error && <ErrorMessage error={posts.error} onRetry={posts.refetch} />}
      <div className="posts-layout">
        <nav className="post-list" aria-label={t('publishing.posts.title')}>
          {posts.data?.length === 0 && <p className="muted">{t('publishing.posts.empty')}</p>}
          <ul>
            {posts.data?.map((p) => (
              <li key={p.id}>
                <a href={routeHref({ screen: 'posts', postId: p.id })} aria-current={p.id === postId ? 'page' : undefined} onClick={() => setCreating(false)}>
                  <span className="post-list-title">
                    #{p.id} {p.identityName} · {p.channel}
                  </span>
                  <span className={`chip post-${p.status}`}>{t(`publishing.status.${p.status}`)}</span>
                  {p.caption && <span className="post-list-caption">{p.caption}</span>}
                  {p.openDoubts > 0 && <span className="chip doubt-open">{t('publishing.posts.openDoubts', { count: p.openDoubts })}</span>}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <section className="post-pane">
          {creating ? (
            <NewPostForm onCancel={() => setCreating(false)} />
          ) : postId ? (
            <PostDetail id={postId} />
          ) : (
            <EmptyState icon="image" title={t('publishing.posts.choose')} />
          )}
        </section>
      </div>
    </div>
  );
}
