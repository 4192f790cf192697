import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { nl } from './nl';

export const languages = [
  { code: 'nl', label: 'Nederlands' },
  { code: 'en', label: 'English' },
] as const;
export type Language = (typeof languages)[number]['code'];

const storageKey = 'clearframe.language';

function initialLanguage(): Language {
  const stored = localStorage.getItem(storageKey);
  if (stored === 'nl' || stored === 'en') return stored;
  return navigator.language.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, nl: { translation: nl } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});

document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

/** Switches the UI language and remembers the choice over the system locale. */
export function setLanguage(code: Language): void {
  localStorage.setItem(storageKey, code);
  void i18n.changeLanguage(code);
}
