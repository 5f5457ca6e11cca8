import type { Language } from '../shared/i18n/languages';
import type { LocaleBundle } from '../shared/i18n/i18n';

/** The path of a `locales/<language>.json`: shared's is the `common` namespace, a feature's is named after the feature. */
export function namespaceOf(path: string): string {
  return /features\/([^/]+)\/locales\//.exec(path)?.[1] ?? 'common';
}

/** The files of one language (from `import.meta.glob`) as i18next namespaces. */
export function byNamespace(files: Record<string, Record<string, unknown>>): LocaleBundle['namespaces'] {
  return Object.fromEntries(Object.entries(files).map(([path, content]) => [namespaceOf(path), content]));
}

/**
 * One chunk per language (app/locales/<language>.ts: every namespace and antd's texts), loaded for the language in use
 * only: the other is downloaded when the person switches (bench/web-bundle.sh).
 */
export async function loadLocale(language: Language): Promise<LocaleBundle> {
  const module = language === 'en' ? await import('./locales/en') : await import('./locales/zh-CN');
  return module.default;
}
