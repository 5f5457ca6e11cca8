import { countdown } from '../../shared/dates';
import type { CaseView } from './api';

type SlaState = CaseView['sla'];

/** What the first-response SLA badge says about a case. */
export type SlaDisplay =
  | { state: 'none' }
  | { state: 'met' }
  | { state: 'paused' }
  | { state: 'running'; left: string; dueAt: string }
  | { state: 'breached'; by: string; responded: boolean };

/**
 * The server decides met and late (`met`, `breachedBy`, with paused time added to the due time); this only words the
 * time left or how late, from the due time, so the badge counts on between refreshes.
 */
export function slaDisplay(sla: SlaState, now: string | number | Date = Date.now()): SlaDisplay {
  if (!sla.dueAt) return { state: 'none' };
  if (sla.met === true) return { state: 'met' };
  if (sla.paused && !sla.respondedAt) return { state: 'paused' };
  const left = countdown(sla.dueAt, sla.respondedAt ?? now);
  if (sla.met === false || sla.breachedBy || left.overdue)
    return { state: 'breached', by: left.text, responded: sla.respondedAt !== null };
  return { state: 'running', left: left.text, dueAt: sla.dueAt };
}
