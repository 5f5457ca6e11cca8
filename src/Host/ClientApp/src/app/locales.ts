import type { LocaleFiles } from '../shared/i18n/i18n';

// Every `locales/<language>.json`: shared's is the `common` namespace, a feature's is named after the feature.
const files = import.meta.glob<Record<string, unknown>>(
  ['../shared/i18n/locales/*.json', '../features/*/locales/*.json'],
  { eager: true, import: 'default' },
);

export function namespaceOf(path: string): string {
  return /features\/([^/]+)\/locales\//.exec(path)?.[1] ?? 'common';
}

export function collectLocales(): LocaleFiles {
  const result: LocaleFiles = { 'zh-CN': {}, en: {} };
  for (const [path, content] of Object.entries(files)) {
    const language = /([^/]+)\.json$/.exec(path)?.[1];
    if (language === 'zh-CN' || language === 'en') result[language][namespaceOf(path)] = content;
  }
  return result;
}
