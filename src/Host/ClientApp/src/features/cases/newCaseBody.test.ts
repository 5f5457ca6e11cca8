import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { toOpenCaseRequest } from './newCaseBody';

describe('toOpenCaseRequest', () => {
  it('sends only what was filled in, trimmed', () => {
    const body = toOpenCaseRequest({
      kind: 'complaint',
      channel: 'phone',
      description: '  Display flickers ',
      customer: { name: ' Acme ', company: '', phone: '13800000000', email: '   ' },
      product: { model: '', serial: undefined, shipDate: null },
      quantities: { hosts: null },
    });
    expect(body).toEqual({
      kind: 'complaint',
      channel: 'phone',
      description: 'Display flickers',
      customer: { name: 'Acme', phone: '13800000000' },
    });
  });

  it('sends dates as calendar days and keeps zero quantities', () => {
    const body = toOpenCaseRequest({
      kind: 'return_goods',
      channel: 'email',
      description: 'x',
      customer: { name: 'Acme' },
      product: { model: 'X-200', shipDate: dayjs('2026-03-05T10:00:00'), warrantyEnd: dayjs('2027-03-05') },
      quantities: { hosts: 0, accessories: 12 },
    });
    expect(body.product).toEqual({ model: 'X-200', shipDate: '2026-03-05', warrantyEnd: '2027-03-05' });
    expect(body.quantities).toEqual({ hosts: 0, accessories: 12 });
  });
});
