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
  escalated: boolean;
  /** Created on or after this day (`yyyy-MM-dd`, in the company's time zone: the server decides). */
  createdFrom?: string;
  /** Created on or before this day (`yyyy-MM-dd`), inclusive. */
  createdTo?: string;
  page: number;
  pageSize: number;
}

export function readFilters(params: URLSearchParams): CaseFilters {
  const [createdFrom, createdTo] = dayRange(params.get('createdFrom'), params.get('createdTo'));
  return {
    kind: oneOf(params.get('kind'), caseKinds),
    status: oneOf(params.get('status'), caseStatuses),
    customer: params.get('customer')?.trim() || undefined,
    overdue: params.get('overdue') === 'true',
    escalated: params.get('escalated') === 'true',
    createdFrom,
    createdTo,
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
  if (filters.escalated) params.set('escalated', 'true');
  if (filters.createdFrom) params.set('createdFrom', filters.createdFrom);
  if (filters.createdTo) params.set('createdTo', filters.createdTo);
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
    escalated: filters.escalated || undefined,
    createdFrom: filters.createdFrom,
    createdTo: filters.createdTo,
    page: filters.page,
    pageSize: filters.pageSize,
  };
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((a) => a === value);
}

/**
 * The days of a created-between range as the server takes them; a day that is no calendar day is left out, and a range
 * that ends before it starts (which the server refuses) is dropped whole.
 */
function dayRange(from: string | null, to: string | null): [string?, string?] {
  const start = day(from);
  const end = day(to);
  return start && end && end < start ? [] : [start, end];
}

function day(value: string | null): string | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  // 2026-02-30 matches the pattern but is no day: Date rolls it over to March.
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value) ? value : undefined;
}

function positive(value: string | null): number | undefined {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : undefined;
}
