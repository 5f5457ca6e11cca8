import { describe, expect, it } from 'vitest';
import { setDateLanguage } from '../../shared/dates';
import { slaDisplay } from './sla';

const now = '2026-12-02T08:00:00Z';
const sla = { dueAt: null, respondedAt: null, met: null, breachedBy: null, paused: false, pausedTotal: 'PT0S' };

describe('slaDisplay', () => {
  setDateLanguage('en');

  it('says nothing when the case has no first-response clock', () => {
    expect(slaDisplay(sla, now)).toEqual({ state: 'none' });
  });

  it('counts the time left before the first response is due', () => {
    expect(slaDisplay({ ...sla, dueAt: '2026-12-02T11:30:00Z' }, now)).toEqual({
      state: 'running', left: '3 hr 30 min', dueAt: '2026-12-02T11:30:00Z',
    });
  });

  it('shows a clock stopped while the case waits for the customer', () => {
    expect(slaDisplay({ ...sla, dueAt: '2026-12-02T07:00:00Z', paused: true }, now)).toEqual({ state: 'paused' });
  });

  it('says how late an unanswered case is', () => {
    const late = { ...sla, dueAt: '2026-12-02T06:00:00Z', met: false, breachedBy: 'PT2H' };
    expect(slaDisplay(late, now)).toEqual({ state: 'breached', by: '2 hr', responded: false });
  });

  it('says how late the response came when it came after the due time', () => {
    const late = { ...sla, dueAt: '2026-12-01T06:00:00Z', respondedAt: '2026-12-01T07:15:00Z', met: false };
    expect(slaDisplay(late, now)).toEqual({ state: 'breached', by: '1 hr 15 min', responded: true });
  });

  it('shows a response in time as met', () => {
    expect(slaDisplay({ ...sla, dueAt: '2026-12-02T11:00:00Z', respondedAt: now, met: true }, now)).toEqual({
      state: 'met',
    });
  });
});
