import { describe, expect, it } from 'vitest';
import { loadLocale } from './locales';

function leaves(tree: Record<string, unknown>, prefix = ''): [string, unknown][] {
  return Object.entries(tree).flatMap(([key, value]): [string, unknown][] =>
    value !== null && typeof value === 'object'
      ? leaves(value as Record<string, unknown>, `${prefix}${key}.`)
      : [[`${prefix}${key}`, value]],
  );
}

const keys = (tree: Record<string, unknown>) => leaves(tree).map(([key]) => key);

const locales = {
  'zh-CN': (await loadLocale('zh-CN')).namespaces,
  en: (await loadLocale('en')).namespaces,
};

describe('locale files', () => {

  it('give every namespace in both languages', () => {
    expect(Object.keys(locales.en).sort()).toEqual(Object.keys(locales['zh-CN']).sort());
    expect(Object.keys(locales['zh-CN'])).toContain('common');
  });

  it.each(Object.keys(locales['zh-CN']))('have the same keys in Chinese and English in namespace %s', (ns) => {
    const zh = keys(locales['zh-CN'][ns] ?? {}).sort();
    const en = keys(locales.en[ns] ?? {}).sort();
    expect({ onlyInChinese: zh.filter((k) => !en.includes(k)), onlyInEnglish: en.filter((k) => !zh.includes(k)) })
      .toEqual({ onlyInChinese: [], onlyInEnglish: [] });
  });

  it('hold a non-empty text for every key', () => {
    const empty = (['zh-CN', 'en'] as const).flatMap((language) =>
      Object.entries(locales[language]).flatMap(([ns, tree]) =>
        leaves(tree)
          .filter(([, value]) => typeof value !== 'string' || value.trim() === '')
          .map(([key]) => `${language} ${ns}:${key}`),
      ),
    );
    expect(empty).toEqual([]);
  });
});
