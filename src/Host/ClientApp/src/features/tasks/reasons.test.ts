import { describe, expect, it } from 'vitest';
import { lacksReason } from './reasons';

describe('reason before submitting', () => {
  it('is asked for when the chosen outcome needs one and none is given', () => {
    expect(lacksReason(['Reject'], 'Reject', '')).toBe(true);
    expect(lacksReason(['Reject'], 'Reject', '   ')).toBe(true);
    expect(lacksReason(['Reject'], 'Reject', undefined)).toBe(true);
  });

  it('is not asked for once given, nor for an outcome that needs none', () => {
    expect(lacksReason(['Reject'], 'Reject', 'Past the return period')).toBe(false);
    expect(lacksReason(['Reject'], 'Accept', '')).toBe(false);
    expect(lacksReason([], 'Reject', '')).toBe(false);
  });
});
