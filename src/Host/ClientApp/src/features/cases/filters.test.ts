import { describe, expect, it } from 'vitest';
import { defaultPageSize, readFilters, toQuery, withFilter, writeFilters } from './filters';

describe('case list filters', () => {
  it('read back what they wrote to the address', () => {
    const filters = {
      kind: 'complaint', status: 'open', customer: 'Acme', overdue: true, escalated: true,
      createdFrom: '2026-11-01', createdTo: '2026-11-30', page: 3, pageSize: 50,
    };
    expect(readFilters(writeFilters(filters))).toEqual(filters);
  });

  it('leave the defaults out of the address', () => {
    expect(writeFilters(readFilters(new URLSearchParams())).toString()).toBe('');
  });

  it('ignore values the server would refuse', () => {
    const filters = readFilters(new URLSearchParams(
      'kind=nonsense&status=&page=-2&pageSize=abc&overdue=yes&escalated=1&createdFrom=2026-02-30&createdTo=1.12.2026'));
    expect(filters).toEqual({
      kind: undefined, status: undefined, customer: undefined, overdue: false, escalated: false,
      createdFrom: undefined, createdTo: undefined, page: 1, pageSize: defaultPageSize,
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

  it('send escalated only when asked for', () => {
    expect(toQuery(readFilters(new URLSearchParams()))).not.toHaveProperty('escalated', false);
    expect(toQuery(readFilters(new URLSearchParams('escalated=true')))).toHaveProperty('escalated', true);
  });

  it('keep an open-ended created range', () => {
    expect(toQuery(readFilters(new URLSearchParams('createdFrom=2026-11-01')))).toMatchObject({
      createdFrom: '2026-11-01', createdTo: undefined,
    });
    expect(writeFilters(readFilters(new URLSearchParams('createdTo=2026-11-30'))).toString()).toBe('createdTo=2026-11-30');
  });

  it('take a one-day range and drop one that ends before it starts', () => {
    expect(readFilters(new URLSearchParams('createdFrom=2026-11-05&createdTo=2026-11-05'))).toMatchObject({
      createdFrom: '2026-11-05', createdTo: '2026-11-05',
    });
    const reversed = readFilters(new URLSearchParams('createdFrom=2026-11-30&createdTo=2026-11-01'));
    expect([reversed.createdFrom, reversed.createdTo]).toEqual([undefined, undefined]);
  });

  it('go back to the first page when the created range changes', () => {
    const onPage2 = readFilters(new URLSearchParams('page=2&escalated=true'));
    expect(withFilter(onPage2, { createdFrom: '2026-11-01', createdTo: '2026-11-30' })).toMatchObject({
      escalated: true, createdFrom: '2026-11-01', page: 1,
    });
  });
});
