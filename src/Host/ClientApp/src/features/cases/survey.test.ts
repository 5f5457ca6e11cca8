import { describe, expect, it } from 'vitest';
import { surveyRating, surveyState, type CaseSurvey } from './survey';

const sent: CaseSurvey = {
  sentAt: '2026-12-01T08:00:00Z',
  expiresAt: '2026-12-15T08:00:00Z',
  answeredAt: null,
  rating: null,
  comment: null,
  wouldRecommend: null,
};

describe('case survey', () => {
  it('is not sent when the case has none', () => {
    expect(surveyState(null)).toBe('notSent');
  });

  it('waits for the customer until it expires, then is left unanswered', () => {
    expect(surveyState(sent, new Date('2026-12-10T00:00:00Z'))).toBe('waiting');
    expect(surveyState(sent, new Date('2026-12-15T08:00:00Z'))).toBe('expired');
  });

  it('is answered once the customer answered, even after it expired', () => {
    const answered = { ...sent, answeredAt: '2026-12-02T09:00:00Z', rating: 4 };
    expect(surveyState(answered, new Date('2027-01-01T00:00:00Z'))).toBe('answered');
  });

  it('reads the rating the server may send as text', () => {
    expect(surveyRating({ ...sent, rating: '5' })).toBe(5);
    expect(surveyRating(sent)).toBeUndefined();
  });
});
