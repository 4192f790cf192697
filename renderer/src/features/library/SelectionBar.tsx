import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/result';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Icon } from '../../components/Icon';
import { useFormat } from '../../lib/format';
import { useMay } from '../faces/useMay';

interface SelectionBarProps {
  count: number;
  error: AppError | null;
  onCheck: () => void;
  onExport: () => void;
  onClear: () => void;
}

/** How many items are selected and what can be done with them; Export only for profiles that may export. */
export function SelectionBar({ count, error, onCheck, onExport, onClear }: SelectionBarProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const mayExport = useMay('export');
  return (
    <>
      <div className={count > 0 ? 'selection-bar selection-bar-active' : 'selection-bar'} role="region" aria-label={t('exporting.selection.label')}>
        <span className={count > 0 ? 'selection-count' : 'selection-hint'} role="status">
          {count > 0 ? t('exporting.selection.count', { count, formatted: format.number(count) }) : t('exporting.selection.hint')}
        </span>
        {count > 0 && (
          <>
            <button type="button" className="button" onClick={onCheck}>
              <Icon name="check" size={16} />
              {t('exporting.selection.check')}
            </button>
            {mayExport && (
              <button type="button" className="button button-primary" onClick={onExport}>
                <Icon name="upload" size={16} />
                {t('exporting.selection.export')}
              </button>
            )}
            <button type="button" className="button button-quiet" onClick={onClear}>
              <Icon name="x" size={16} />
              {t('exporting.selection.clear')}
            </button>
          </>
        )}
      </div>
      {error && <ErrorMessage error={error} />}
    </>
  );
}
