import type { CaseDetails } from './api';

export type CaseSurvey = NonNullable<CaseDetails['survey']>;

/** Where the case's satisfaction survey stands: not sent, waiting for the customer, left unanswered, or answered. */
export type SurveyState = 'notSent' | 'waiting' | 'expired' | 'answered';

export function surveyState(survey: CaseSurvey | null | undefined, now: Date = new Date()): SurveyState {
  if (!survey) return 'notSent';
  if (survey.answeredAt) return 'answered';
  return new Date(survey.expiresAt) <= now ? 'expired' : 'waiting';
}

/** The rating as a number of stars (1–5), or undefined when the customer gave none. */
export function surveyRating(survey: CaseSurvey): number | undefined {
  const rating = Number(survey.rating);
  return survey.rating === null || !Number.isFinite(rating) ? undefined : rating;
}
