import { describe, expect, it } from 'vitest';
import { prepareSchema } from './prepareSchema';

const schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: '/api/forms/ServiceReport',
  title: 'Service report',
  'x-title-zh': '售后服务报告单',
  description: 'Filed by the engineer after an on-site service.',
  type: 'object',
  required: ['engineer'],
  properties: {
    engineer: { title: 'Service engineer', 'x-title-zh': '服务工程师', description: 'Who went', type: 'string' },
    title: { title: 'Title', type: 'string' },
    materials: {
      title: 'Materials used',
      'x-title-zh': '使用材料',
      type: 'array',
      items: {
        type: 'object',
        properties: { qty: { title: 'Quantity', 'x-title-zh': '数量', type: 'integer' } },
      },
    },
  },
};

describe('prepareSchema', () => {
  it('shows the Chinese titles, nested ones too, when the language is Chinese', () => {
    const zh = prepareSchema(schema, 'zh-CN') as typeof schema;
    expect(zh.title).toBe('售后服务报告单');
    expect(zh.properties.engineer.title).toBe('服务工程师');
    expect(zh.properties.materials.title).toBe('使用材料');
    expect(zh.properties.materials.items.properties.qty.title).toBe('数量');
  });

  it('keeps the English titles in English and a title without a Chinese one in Chinese', () => {
    expect((prepareSchema(schema, 'en') as typeof schema).properties.engineer.title).toBe('Service engineer');
    expect((prepareSchema(schema, 'zh-CN') as typeof schema).properties.title.title).toBe('Title');
  });

  it('leaves out the English-only descriptions in Chinese and keeps them in English', () => {
    const zh = prepareSchema(schema, 'zh-CN') as typeof schema;
    expect(zh).not.toHaveProperty('description');
    expect(zh.properties.engineer).not.toHaveProperty('description');
    expect((prepareSchema(schema, 'en') as typeof schema).properties.engineer.description).toBe('Who went');
  });

  it('keeps a field named like a keyword as a field', () => {
    const zh = prepareSchema(schema, 'zh-CN') as typeof schema;
    expect(Object.keys(zh.properties)).toEqual(['engineer', 'title', 'materials']);
    expect(zh.required).toEqual(['engineer']);
  });

  it('drops the draft and id the renderer would try to resolve, and leaves the given schema as it was', () => {
    const zh = prepareSchema(schema, 'zh-CN');
    expect(zh).not.toHaveProperty('$schema');
    expect(zh).not.toHaveProperty('$id');
    expect(schema.title).toBe('Service report');
    expect(schema.$schema).toBeDefined();
  });

  it('answers an empty schema for something that is not one', () => {
    expect(prepareSchema(null, 'en')).toEqual({});
  });
});
