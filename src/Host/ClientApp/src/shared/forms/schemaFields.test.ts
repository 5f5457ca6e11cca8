import { describe, expect, it } from 'vitest';
import { fieldsOf, type FieldSchema } from './schemaFields';

const schema: FieldSchema = {
  type: 'object',
  properties: {
    customer: { title: 'Customer', 'x-title-zh': '客户名称', type: 'string' },
    shipDate: { title: 'Ship date', type: 'string', format: 'date' },
    inWarranty: { type: 'boolean' },
    partsReplaced: {
      title: 'Parts',
      type: 'array',
      items: { type: 'object', properties: { name: { type: 'string' } } },
    },
    tags: { type: 'array', items: { type: 'string' } },
    steps: { type: ['array', 'null'], items: { type: 'object' } },
  },
};

describe('fieldsOf', () => {
  it('labels fields in Chinese from x-title-zh and falls back to the English title, then the name', () => {
    expect(fieldsOf(schema, {}, 'zh-CN').map((f) => f.label)).toEqual([
      '客户名称', 'Ship date', 'inWarranty', 'Parts', 'tags', 'steps',
    ]);
    expect(fieldsOf(schema, {}, 'en')[0]?.label).toBe('Customer');
  });

  it('knows how each field is shown from its type and format', () => {
    expect(fieldsOf(schema, {}, 'en').map((f) => f.kind)).toEqual([
      'text', 'date', 'boolean', 'table', 'list', 'table',
    ]);
  });

  it('shows a value the schema does not name instead of hiding it', () => {
    const fields = fieldsOf(schema, { legacyNote: 'kept', legacyCount: 2 }, 'en').slice(-2);
    expect(fields.map((f) => [f.key, f.kind])).toEqual([['legacyNote', 'text'], ['legacyCount', 'number']]);
  });
});
