import { describe, expect, it } from 'vitest';
import { moveSelection } from './keyboard';

describe('moveSelection', () => {
  it('selects the first row on the first j or k', () => {
    expect(moveSelection(-1, 'j', 3)).toBe(0);
    expect(moveSelection(-1, 'k', 3)).toBe(0);
  });

  it('moves down with j and up with k', () => {
    expect(moveSelection(0, 'j', 3)).toBe(1);
    expect(moveSelection(2, 'k', 3)).toBe(1);
  });

  it('stops at the first and the last row', () => {
    expect(moveSelection(2, 'j', 3)).toBe(2);
    expect(moveSelection(0, 'k', 3)).toBe(0);
  });

  it('selects nothing in an empty list and ignores other keys', () => {
    expect(moveSelection(1, 'j', 0)).toBe(-1);
    expect(moveSelection(1, 'x', 3)).toBe(1);
  });
});
