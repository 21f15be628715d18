import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { id } from './id.ts';

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'netra.lang';

function isLanguage(value: unknown): value is Language {
  return value === 'id' || value === 'en';
}

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : 'id';
  } catch {
    return 'id';
  }
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'id';
}

export function setLanguage(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode or disabled storage: the choice lasts for this page only.
  }
  void switchTo(language);
}

/** English is loaded only when chosen: the public pages ship one catalogue on a slow connection. */
async function switchTo(language: Language): Promise<void> {
  if (language === 'en' && !i18n.hasResourceBundle('en', 'translation')) {
    const { en } = await import('./en.ts');
    i18n.addResourceBundle('en', 'translation', en);
  }
  await i18n.changeLanguage(language);
}

/** BCP 47 locale for dates and numbers. */
export function localeOf(language: Language): string {
  return language === 'en' ? 'en-GB' : 'id-ID';
}

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

void i18n.use(initReactI18next).init({
  resources: { id: { translation: id } },
  lng: 'id',
  fallbackLng: 'id',
  supportedLngs: LANGUAGES,
  interpolation: { escapeValue: false },
  initAsync: false,
});

if (storedLanguage() === 'en') void switchTo('en');

export { i18n };
