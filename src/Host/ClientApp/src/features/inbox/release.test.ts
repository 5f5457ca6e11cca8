import { describe, expect, it } from 'vitest';
import { mayRelease } from './release';

const claimedByAnna = { status: 'claimed', claimedBy: 'anna' };
const person = (userName: string, ...roles: string[]) => ({ userName, roles });

describe('who is offered Release', () => {
  it('the claimer', () => {
    expect(mayRelease(claimedByAnna, person('anna', 'qc'))).toBe(true);
  });

  it('an aftersales_manager or admin, for anyone’s claimed task', () => {
    expect(mayRelease(claimedByAnna, person('boss', 'aftersales_manager'))).toBe(true);
    expect(mayRelease(claimedByAnna, person('root', 'admin'))).toBe(true);
  });

  it('not a colleague with the same role', () => {
    expect(mayRelease(claimedByAnna, person('ben', 'qc', 'aftersales', 'sales_head'))).toBe(false);
  });

  it('nobody on a task that is not claimed', () => {
    for (const status of ['open', 'completed', 'cancelled'])
      expect(mayRelease({ status, claimedBy: status === 'open' ? null : 'anna' }, person('anna', 'admin'))).toBe(false);
    expect(mayRelease({ status: 'claimed', claimedBy: null }, person('root', 'admin'))).toBe(false);
  });

  it('nobody signed out', () => {
    expect(mayRelease(claimedByAnna, null)).toBe(false);
    expect(mayRelease(claimedByAnna, undefined)).toBe(false);
  });
});
