import i18n from 'i18next';
import type { ConfigProviderProps } from 'antd';
import { initReactI18next } from 'react-i18next';
import { languages, languageStorageKey, toLanguage, type Language } from './languages';

type Locale = NonNullable<ConfigProviderProps['locale']>;

/**
 * One language's texts: one namespace per folder holding a `locales/` pair — `common` (shared/), and one per feature,
 * named after it (`auth`, `inbox`, …) — and antd's own texts. The app shell collects them (app/locales.ts), so a new
 * feature only adds its own files.
 */
export interface LocaleBundle {
  namespaces: Record<string, Record<string, unknown>>;
  antd: Locale;
}

type LoadLocale = (language: Language) => Promise<LocaleBundle>;

let load: LoadLocale | undefined;
const loaded = new Map<Language, LocaleBundle>();

async function bundleOf(language: Language): Promise<LocaleBundle> {
  if (!load) throw new Error('startI18n first');
  const bundle = loaded.get(language) ?? (await load(language));
  loaded.set(language, bundle);
  return bundle;
}

/** Starts i18next in the person's language, with that language's texts only (the other loads on a switch). */
export async function startI18n(loadLocale: LoadLocale) {
  load = loadLocale;
  const language = detectLanguage();
  const bundle = await bundleOf(language);
  await i18n.use(initReactI18next).init({
    lng: language,
    resources: { [language]: bundle.namespaces },
    supportedLngs: [...languages],
    fallbackLng: 'zh-CN',
    defaultNS: 'common',
    ns: Object.keys(bundle.namespaces),
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = currentLanguage();
  i18n.on('languageChanged', () => (document.documentElement.lang = currentLanguage()));
  return i18n;
}

/** The person's own choice (the language switch) if any, else the first language the browser prefers that we speak. */
function detectLanguage(): Language {
  const stored = readStoredLanguage();
  if (stored) return stored;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const language = toLanguage(tag);
    if (language) return language;
  }
  return 'zh-CN';
}

function readStoredLanguage(): Language | undefined {
  try {
    return toLanguage(localStorage.getItem(languageStorageKey));
  } catch {
    return undefined; // storage refused (a private window's settings): the browser's language then
  }
}

export function currentLanguage(): Language {
  return toLanguage(i18n.resolvedLanguage) ?? 'zh-CN';
}

/** antd's texts for a language whose bundle is loaded (the current one always is). */
export function antdLocale(language: Language): Locale | undefined {
  return loaded.get(language)?.antd;
}

/** Switches the language, loading its texts first, and remembers the choice in this browser. */
export async function changeLanguage(language: Language) {
  const bundle = await bundleOf(language);
  for (const [namespace, texts] of Object.entries(bundle.namespaces))
    i18n.addResourceBundle(language, namespace, texts, true, true);
  try {
    localStorage.setItem(languageStorageKey, language);
  } catch {
    // not remembered: the switch still applies to this page
  }
  await i18n.changeLanguage(language);
}
