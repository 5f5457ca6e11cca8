import { describe, expect, it } from 'vitest';
import { defaultPageSize, readFilter, writeFilter } from './filter';

const read = (query: string) => readFilter(new URLSearchParams(query));

describe('inbox filter in the address', () => {
  it('reads the plain inbox as no filter, first page, default size', () => {
    expect(read('')).toEqual({ role: undefined, kind: undefined, page: 1, pageSize: defaultPageSize });
    expect(writeFilter(read('')).toString()).toBe('');
  });

  it('reads role, process and page', () => {
    expect(read('role=qc&kind=complaint&page=2&pageSize=50')).toEqual({
      role: 'qc',
      kind: 'complaint',
      page: 2,
      pageSize: 50,
    });
  });

  it('drops an unknown process, a bad page and caps the page size', () => {
    expect(read('kind=nonsense&page=-3&pageSize=500')).toEqual({
      role: undefined,
      kind: undefined,
      page: 1,
      pageSize: 100,
    });
    expect(read('kind=&page=1.5').kind).toBeUndefined();
  });

  it('writes only what differs from the defaults', () => {
    expect(writeFilter({ kind: 'return_goods', page: 1, pageSize: defaultPageSize }).toString()).toBe('kind=return_goods');
    expect(writeFilter({ role: 'qc', kind: 'special_order', page: 3, pageSize: 50 }).toString()).toBe(
      'role=qc&kind=special_order&page=3&pageSize=50',
    );
  });

  it('round-trips every process', () => {
    for (const kind of ['complaint', 'return_item', 'special_order', 'return_goods']) {
      const filter = { role: 'aftersales', kind, page: 2, pageSize: 100 };
      expect(readFilter(writeFilter(filter))).toEqual(filter);
    }
  });
});
