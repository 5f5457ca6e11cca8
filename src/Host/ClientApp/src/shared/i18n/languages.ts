/** The languages the app speaks; the first one a browser prefers wins, else Chinese (the users' language). */
export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];

/** Where a person's own choice is remembered. */
export const languageStorageKey = 'aftersales.language';

/** Maps any tag a browser or a stored choice gives (`zh`, `zh-Hans-CN`, `en-GB`) to one we speak. */
export function toLanguage(tag: string | null | undefined): Language | undefined {
  if (!tag) return undefined;
  const lower = tag.toLowerCase();
  if (lower.startsWith('zh')) return 'zh-CN';
  if (lower.startsWith('en')) return 'en';
  return undefined;
}
