import { useTranslation } from 'react-i18next';

/** The keyboard shortcuts of a face view, each as a key and what it does. */
export function KeyHelp({ keys, id }: { keys: readonly (readonly [key: string, textKey: string])[]; id?: string }) {
  const { t } = useTranslation();
  return (
    <p className="face-help" id={id}>
      {keys.map(([key, textKey]) => (
        <span key={key}>
          <kbd>{key}</kbd> {t(textKey)}
        </span>
      ))}
    </p>
  );
}
