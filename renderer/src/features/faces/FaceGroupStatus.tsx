import { useTranslation } from 'react-i18next';
import { routeHref } from '../../app/router';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import type { QueryState } from '../../lib/query';

/** A review group's faces while they load or fail, and the way back to the queue once none is left. */
export function FaceGroupStatus({ faces, left }: { faces: QueryState<unknown> & { refetch: () => void }; left: number }) {
  const { t } = useTranslation();
  return (
    <>
      {faces.error && <ErrorMessage error={faces.error} onRetry={faces.refetch} />}
      {!faces.data && !faces.error && <Loading />}
      {faces.data !== undefined && left === 0 && (
        <EmptyState icon="check" title={t('faces.group.emptyTitle')}>
          <a className="button" href={routeHref({ screen: 'faces' })}>
            {t('faces.queue.back')}
          </a>
        </EmptyState>
      )}
    </>
  );
}
