import { caseKinds } from '../../shared/cases';

export const defaultPageSize = 20;

/** What the inbox shows, kept in the address (`/inbox?role=qc&kind=complaint&page=2`) so a reload or link keeps it. */
export interface InboxFilter {
  role?: string;
  /** The process (case kind), `kind` on `GET /api/tasks`. */
  kind?: string;
  page: number;
  pageSize: number;
}

export function readFilter(params: URLSearchParams): InboxFilter {
  const positive = (name: string, fallback: number) => {
    const value = Number(params.get(name));
    return Number.isInteger(value) && value > 0 ? value : fallback;
  };
  const kind = params.get('kind');
  return {
    role: params.get('role') || undefined,
    // An unknown process in a hand-edited link is dropped rather than sent: the list then shows all processes.
    kind: kind && (caseKinds as readonly string[]).includes(kind) ? kind : undefined,
    page: positive('page', 1),
    pageSize: Math.min(positive('pageSize', defaultPageSize), 100),
  };
}

/** The address query for the filter: only what differs from the defaults, so the plain inbox is plain `/inbox`. */
export function writeFilter(filter: InboxFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.role) params.set('role', filter.role);
  if (filter.kind) params.set('kind', filter.kind);
  if (filter.page > 1) params.set('page', String(filter.page));
  if (filter.pageSize !== defaultPageSize) params.set('pageSize', String(filter.pageSize));
  return params;
}
