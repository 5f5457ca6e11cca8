import { describe, expect, it } from 'vitest';
import { createRequestKeys } from './requestKeys';

describe('createRequestKeys', () => {
  it('gives the same body sent twice the same key, so a double click opens one case', () => {
    const keyFor = createRequestKeys();
    expect(keyFor({ kind: 'complaint' })).toBe(keyFor({ kind: 'complaint' }));
  });

  it('gives a corrected body a new key', () => {
    let n = 0;
    const keyFor = createRequestKeys(() => `key-${++n}`);
    expect(keyFor({ name: '' })).toBe('key-1');
    expect(keyFor({ name: 'Acme' })).toBe('key-2');
  });

  it('makes keys the server accepts (visible ASCII, at most 200 characters)', () => {
    const key = createRequestKeys()({});
    expect(key).toMatch(/^[\x21-\x7e]{1,200}$/);
  });
});
