import { describe, expect, it } from 'vitest';
import { toCustomerRequest } from './customerForm';

describe('toCustomerRequest', () => {
  it('sends blanks as null, the visit interval as an ISO duration, and no owner when none is named', () => {
    expect(toCustomerRequest({ name: ' 海川设备 ', company: '  ', keyCustomer: true, visitInterval: 90, owner: '' }))
      .toEqual({
        name: '海川设备',
        company: null,
        region: null,
        email: null,
        keyCustomer: true,
        visitInterval: 'P90D',
        owner: undefined,
      });
  });
});
