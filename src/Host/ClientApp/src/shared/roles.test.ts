import { describe, expect, it } from 'vitest';
import en from './i18n/locales/en.json';
import zh from './i18n/locales/zh-CN.json';
import { roles } from './roles';

describe('roles', () => {
  it('each have a name in both languages', () => {
    for (const role of roles) {
      expect(zh.roles, role).toHaveProperty(role);
      expect(en.roles, role).toHaveProperty(role);
    }
    expect(Object.keys(zh.roles).sort()).toEqual([...roles].sort());
  });
});
