import { describe, expect, it } from 'vitest';
import { isOverdue, ofKind } from './followUps';

describe('isOverdue', () => {
  const now = new Date('2026-12-02T08:00:00Z');

  it('marks an open follow-up past its due time', () => {
    expect(isOverdue({ status: 'open', dueAt: '2026-12-02T07:59:00Z' }, now)).toBe(true);
    expect(isOverdue({ status: 'open', dueAt: '2026-12-02T08:01:00Z' }, now)).toBe(false);
  });

  it('marks an escalated one overdue even before its due time, and a done one never', () => {
    expect(isOverdue({ status: 'escalated', dueAt: '2026-12-09T00:00:00Z' }, now)).toBe(true);
    expect(isOverdue({ status: 'done', dueAt: '2026-01-01T00:00:00Z' }, now)).toBe(false);
  });
});

describe('ofKind', () => {
  const list = [{ kind: 'visit' }, { kind: 'inspection' }, { kind: 'visit' }];

  it('keeps only the chosen kind, or everything when none is chosen', () => {
    expect(ofKind(list, 'visit')).toHaveLength(2);
    expect(ofKind(list, undefined)).toHaveLength(3);
  });
});
