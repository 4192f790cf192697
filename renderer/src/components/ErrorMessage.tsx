import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/result';
import { Icon } from './Icon';

/** Says what went wrong in the user's language (from the error code) and adds the server's own explanation. */
export function ErrorMessage({ error, onRetry }: { error: AppError; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice-error" role="alert">
      <Icon name="alert" />
      <div>
        <strong>{t(`errors.${error.code}`)}</strong>
        <p>{error.message}</p>
        {onRetry && (
          <button type="button" className="button button-small" onClick={onRetry}>
            {t('common.tryAgain')}
          </button>
        )}
      </div>
    </div>
  );
}
