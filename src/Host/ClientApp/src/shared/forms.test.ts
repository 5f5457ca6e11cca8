import { describe, expect, it } from 'vitest';
import { toNamePath } from './forms';

describe('toNamePath', () => {
  it.each([
    ['userName', ['userName']],
    ['customer.name', ['customer', 'name']],
    ['items[0].qty', ['items', 0, 'qty']],
    ['$.customer.phone', ['customer', 'phone']],
  ])('turns the JSON path %s into the form field %j', (path, expected) => {
    expect(toNamePath(path)).toEqual(expected);
  });
});
