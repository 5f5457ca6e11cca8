import { describe, expect, it } from 'vitest';
import { defaultPageSize, readFilters, toQuery, withFilter, writeFilters } from './filters';

describe('case list filters', () => {
  it('read back what they wrote to the address', () => {
    const filters = { kind: 'complaint', status: 'open', customer: 'Acme', overdue: true, page: 3, pageSize: 50 };
    expect(readFilters(writeFilters(filters))).toEqual(filters);
  });

  it('leave the defaults out of the address', () => {
    expect(writeFilters(readFilters(new URLSearchParams())).toString()).toBe('');
  });

  it('ignore values the server would refuse', () => {
    const filters = readFilters(new URLSearchParams('kind=nonsense&status=&page=-2&pageSize=abc&overdue=yes'));
    expect(filters).toEqual({
      kind: undefined, status: undefined, customer: undefined, overdue: false, page: 1, pageSize: defaultPageSize,
    });
  });

  it('go back to the first page when a filter changes', () => {
    const onPage4 = readFilters(new URLSearchParams('page=4'));
    expect(withFilter(onPage4, { kind: 'return_goods' })).toMatchObject({ kind: 'return_goods', page: 1 });
  });

  it('send overdue only when asked for', () => {
    expect(toQuery(readFilters(new URLSearchParams()))).not.toHaveProperty('overdue', false);
    expect(toQuery(readFilters(new URLSearchParams('overdue=true')))).toHaveProperty('overdue', true);
  });
});
