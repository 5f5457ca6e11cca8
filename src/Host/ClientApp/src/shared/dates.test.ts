import { describe, expect, it } from 'vitest';
import { countdown, setDateLanguage } from './dates';

describe('countdown', () => {
  const now = '2026-12-02T08:00:00Z';

  it('shows the two largest units left before the due time', () => {
    setDateLanguage('en');
    const left = countdown('2026-12-04T11:20:00Z', now);
    expect(left.overdue).toBe(false);
    expect(left.text).toBe('2 days 3 hr');
  });

  it('marks a past due time overdue and says by how much', () => {
    setDateLanguage('en');
    const late = countdown('2026-12-02T07:15:00Z', now);
    expect(late.overdue).toBe(true);
    expect(late.text).toBe('45 min');
  });

  it('speaks Chinese units when the language is Chinese', () => {
    setDateLanguage('zh-CN');
    expect(countdown('2026-12-02T10:00:00Z', now).text).toBe('2小时');
  });
});
