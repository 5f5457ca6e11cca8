import i18n, { type Resource } from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { languages, languageStorageKey, toLanguage, type Language } from './languages';

/**
 * One namespace per folder holding a `locales/` pair: `common` (shared/), and one per feature, named after it
 * (`auth`, `inbox`, …). The app shell collects them (app/locales.ts), so a new feature only adds its own files.
 */
export type LocaleFiles = Record<Language, Record<string, Record<string, unknown>>>;

export async function startI18n(resources: LocaleFiles) {
  const resource: Resource = {};
  for (const language of languages) resource[language] = resources[language];
  await i18n
    .use(LanguageDetector)
    .use(initReactI18next)
    .init({
      resources: resource,
      supportedLngs: [...languages],
      fallbackLng: 'zh-CN',
      defaultNS: 'common',
      ns: Object.keys(resources['zh-CN']),
      interpolation: { escapeValue: false },
      detection: {
        order: ['localStorage', 'navigator'],
        lookupLocalStorage: languageStorageKey,
        caches: ['localStorage'],
        convertDetectedLanguage: (tag: string) => toLanguage(tag) ?? tag,
      },
    });
  document.documentElement.lang = currentLanguage();
  i18n.on('languageChanged', () => (document.documentElement.lang = currentLanguage()));
  return i18n;
}

export function currentLanguage(): Language {
  return toLanguage(i18n.resolvedLanguage) ?? 'zh-CN';
}

/** Switches the language; the detector remembers the choice in localStorage. */
export async function changeLanguage(language: Language) {
  await i18n.changeLanguage(language);
}
