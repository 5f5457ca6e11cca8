import { describe, expect, it } from 'vitest';
import { safeReturnTo, signInPathFor } from './returnTo';

describe('returnTo', () => {
  it('keeps a path of this app', () => {
    expect(safeReturnTo('/cases/42?tab=costs')).toBe('/cases/42?tab=costs');
  });

  it.each(['//evil.example/x', '/\\evil.example', 'https://evil.example', 'cases', '', null])(
    'sends %s to the start instead of another site',
    (value) => expect(safeReturnTo(value)).toBe('/'),
  );

  it('remembers where the person was in the sign-in address', () => {
    expect(signInPathFor({ pathname: '/cases/42', search: '?tab=costs', hash: '' })).toBe(
      '/sign-in?returnTo=%2Fcases%2F42%3Ftab%3Dcosts',
    );
    expect(signInPathFor({ pathname: '/', search: '', hash: '' })).toBe('/sign-in');
  });
});
