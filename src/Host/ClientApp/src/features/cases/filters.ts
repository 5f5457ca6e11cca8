import type { CaseListQuery } from './api';

/** The case kinds and statuses the Host knows (src/Cases/CaseKinds.cs, CaseStatuses.cs). */
export const caseKinds = ['complaint', 'return_item', 'special_order', 'return_goods'] as const;
export const caseStatuses = ['open', 'in_progress', 'waiting_customer', 'resolved', 'closed', 'rejected'] as const;
export const caseChannels = ['phone', 'email', 'web', 'visit', 'letter'] as const;

export const defaultPageSize = 20;

/** What the case list shows, kept in the address (`/cases?kind=complaint&page=2`) so a filtered list can be shared. */
export interface CaseFilters {
  kind?: string;
  status?: string;
  customer?: string;
  overdue: boolean;
  page: number;
  pageSize: number;
}

export function readFilters(params: URLSearchParams): CaseFilters {
  return {
    kind: oneOf(params.get('kind'), caseKinds),
    status: oneOf(params.get('status'), caseStatuses),
    customer: params.get('customer')?.trim() || undefined,
    overdue: params.get('overdue') === 'true',
    page: positive(params.get('page')) ?? 1,
    pageSize: positive(params.get('pageSize')) ?? defaultPageSize,
  };
}

/** The address query for the filters: only what differs from the defaults, so a plain list is plain `/cases`. */
export function writeFilters(filters: CaseFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.status) params.set('status', filters.status);
  if (filters.customer) params.set('customer', filters.customer);
  if (filters.overdue) params.set('overdue', 'true');
  if (filters.page > 1) params.set('page', String(filters.page));
  if (filters.pageSize !== defaultPageSize) params.set('pageSize', String(filters.pageSize));
  return params;
}

/** A changed filter shows its first page: page 3 of another filter means nothing. */
export function withFilter(filters: CaseFilters, change: Partial<Omit<CaseFilters, 'page' | 'pageSize'>>): CaseFilters {
  return { ...filters, ...change, page: 1 };
}

export function toQuery(filters: CaseFilters): CaseListQuery {
  return {
    kind: filters.kind,
    status: filters.status,
    customer: filters.customer,
    overdue: filters.overdue || undefined,
    page: filters.page,
    pageSize: filters.pageSize,
  };
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((a) => a === value);
}

function positive(value: string | null): number | undefined {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : undefined;
}
