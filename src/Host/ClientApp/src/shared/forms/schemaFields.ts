import type { Language } from '../i18n/languages';

/** The part of a form's JSON Schema (`/api/forms/{name}`) a read-only view needs. */
export interface FieldSchema {
  type?: string | string[];
  title?: string;
  'x-title-zh'?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, FieldSchema>;
  items?: FieldSchema;
}

export type FieldKind = 'text' | 'number' | 'boolean' | 'date' | 'dateTime' | 'object' | 'table' | 'list';

export interface Field {
  key: string;
  label: string;
  kind: FieldKind;
  schema: FieldSchema;
}

/** The schema's title in the language: Chinese from `x-title-zh`, else the English `title`, else the fallback. */
export function titleOf(schema: FieldSchema | undefined, language: Language, fallback: string): string {
  return (language === 'zh-CN' ? schema?.['x-title-zh'] : undefined) ?? schema?.title ?? fallback;
}

/**
 * An object schema's fields in the schema's order, then any value the data holds that the schema does not name (an
 * older version of the form may have had it), so nothing filled in is hidden.
 */
export function fieldsOf(schema: FieldSchema, data: Record<string, unknown> | undefined, language: Language): Field[] {
  const declared = Object.entries(schema.properties ?? {});
  const extra = Object.keys(data ?? {})
    .filter((key) => !(key in (schema.properties ?? {})))
    .map((key): [string, FieldSchema] => [key, guessSchema(data?.[key])]);
  return [...declared, ...extra].map(([key, field]) => ({
    key,
    label: titleOf(field, language, key),
    kind: kindOf(field),
    schema: field,
  }));
}

export function kindOf(schema: FieldSchema): FieldKind {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type === 'object') return 'object';
  if (type === 'array') return kindOf(schema.items ?? {}) === 'object' ? 'table' : 'list';
  if (type === 'boolean') return 'boolean';
  if (type === 'number' || type === 'integer') return 'number';
  if (type === 'string' && schema.format === 'date') return 'date';
  if (type === 'string' && schema.format === 'date-time') return 'dateTime';
  return 'text';
}

function guessSchema(value: unknown): FieldSchema {
  if (Array.isArray(value)) return { type: 'array', items: guessSchema(value[0]) };
  if (value !== null && typeof value === 'object') return { type: 'object' };
  return { type: typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'string' };
}
