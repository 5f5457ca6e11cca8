import { describe, expect, it } from 'vitest';
import { daysToDuration, durationToDays } from './intervals';

describe('intervals', () => {
  it('write a number of days as the ISO duration the API reads', () => {
    expect(daysToDuration(90)).toBe('P90D');
    expect(daysToDuration(undefined)).toBeNull();
  });

  it('read days and weeks back as days, and nothing else', () => {
    expect(durationToDays('P182D')).toBe(182);
    expect(durationToDays('P26W')).toBe(182);
    expect(durationToDays('P3M')).toBeUndefined();
    expect(durationToDays(null)).toBeUndefined();
  });
});
