import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/result';
import { ErrorMessage } from './ErrorMessage';

interface FooterProps {
  submitLabel: string;
  busy: boolean;
  error?: AppError | null;
  /** Beyond busy: the form is not complete yet. */
  disabled?: boolean;
  onCancel: () => void;
}

/** The end of every dialog form: what went wrong with the last try, then the action and a way out. */
export function DialogFormFooter({ submitLabel, busy, error, disabled = false, onCancel }: FooterProps) {
  const { t } = useTranslation();
  return (
    <>
      {error && <ErrorMessage error={error} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={disabled || busy}>
          {submitLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </>
  );
}
