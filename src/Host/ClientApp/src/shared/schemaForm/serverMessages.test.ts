import { describe, expect, it } from 'vitest';
import en from '../i18n/locales/en.json';
import zh from '../i18n/locales/zh-CN.json';
import { localizeServerErrors, localizeServerMessage } from './serverMessages';

// A stand-in for i18next's t over the Chinese file: `{{name}}` filled from the options.
const chinese = (key: string, options: Record<string, unknown> = {}) => {
  const name = key.replace('common:serverMessages.', '') as keyof typeof zh.serverMessages;
  const text: string | undefined = zh.serverMessages[name];
  return (text ?? String(options.defaultValue)).replace(/\{\{(\w+)\}\}/g, (_, v: string) => String(options[v]));
};

describe('localizeServerMessage', () => {
  it.each([
    ['is required', '必填'],
    ['must not be empty', '不能为空'],
    ['must be at least 0', '不能小于 0'],
    ['must be at least 3 characters long', '至少 3 个字符'],
    ['must be a date (YYYY-MM-DD)', '请填写日期（年-月-日）'],
    ['is required when the outcome is Reject', '选择“Reject”时必须填写原因'],
  ])('says %s in Chinese', (message, expected) => {
    expect(localizeServerMessage(message, chinese)).toBe(expected);
  });

  it('keeps a message it does not know as the server wrote it', () => {
    expect(localizeServerMessage('the moon is not aligned', chinese)).toBe('the moon is not aligned');
  });

  it('localizes every message of every field', () => {
    expect(localizeServerErrors({ 'form.qty': ['is required', 'must be a whole number'] }, chinese)).toEqual({
      'form.qty': ['必填', '须为整数'],
    });
  });

  it('has an English text for every Chinese one', () => {
    expect(Object.keys(en.serverMessages).sort()).toEqual(Object.keys(zh.serverMessages).sort());
  });
});
