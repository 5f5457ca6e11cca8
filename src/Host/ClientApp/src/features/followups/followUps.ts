import type { FollowUp } from './api';

export const followUpKinds = ['visit', 'inspection'] as const;
export const followUpStatuses = ['open', 'escalated', 'done'] as const;

/** Past its due time and not done; an escalated one is overdue by definition (the job escalated it for that). */
export function isOverdue(followUp: Pick<FollowUp, 'status' | 'dueAt'>, now: Date = new Date()): boolean {
  if (followUp.status === 'done') return false;
  return followUp.status === 'escalated' || new Date(followUp.dueAt).getTime() < now.getTime();
}

/** The list as the filter bar asks: the kind is filtered here (the API filters status and owner). */
export function ofKind<T extends Pick<FollowUp, 'kind'>>(followUps: readonly T[], kind: string | undefined): T[] {
  return kind ? followUps.filter((f) => f.kind === kind) : [...followUps];
}
