import type { RJSFSchema } from '@rjsf/utils';
import type { Language } from '../i18n/languages';

/**
 * The server's form schema (`GET /api/forms/{name}`) as the form renderer shows it in a language: in Chinese every
 * `title` is replaced by its `x-title-zh` where the schema gives one, and the descriptions, written in English only, are
 * left out rather than shown in the other language. `$schema` and `$id` are dropped: the schemas
 * name draft 2020-12 but use only keywords draft 7 (the renderer's validator) reads alike, and the server validates
 * what is submitted anyway. The given schema is left as it was.
 */
export function prepareSchema(schema: unknown, language: Language): RJSFSchema {
  const prepared = localize(schema, language);
  if (!isObject(prepared)) return {};
  delete prepared.$schema;
  delete prepared.$id;
  return prepared as RJSFSchema;
}

function localize(node: unknown, language: Language): unknown {
  if (Array.isArray(node)) return node.map((item) => localize(item, language));
  if (!isObject(node)) return node;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    // `properties` maps field names to schemas: its keys are names, never keywords, so a field called `title` stays.
    if (key === 'description' && language === 'zh-CN' && typeof value === 'string') continue;
    result[key] = key === 'properties' && isObject(value) ? localizeEach(value, language) : localize(value, language);
  }
  const chinese = node['x-title-zh'];
  if (language === 'zh-CN' && typeof chinese === 'string' && chinese.trim() !== '') result.title = chinese;
  return result;
}

function localizeEach(properties: Record<string, unknown>, language: Language): Record<string, unknown> {
  return Object.fromEntries(Object.entries(properties).map(([name, schema]) => [name, localize(schema, language)]));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
