import type { components } from './api/schema';

type OpenCaseRequest = components['schemas']['OpenCaseRequest'];

/** The case kinds (= the four processes), named in `common:caseKinds.*`; typed against the server's request. */
export const caseKinds = ['complaint', 'return_item', 'special_order', 'return_goods'] as const satisfies readonly OpenCaseRequest['kind'][];
export type CaseKind = (typeof caseKinds)[number];

/** src/Cases/CaseStatuses.cs, named in `common:caseStatuses.*`. */
export const caseStatuses = ['open', 'in_progress', 'waiting_customer', 'resolved', 'closed', 'rejected'] as const;

/** A text field of a JSON object the server types loosely (a case's `customer`, `product`), if it is text. */
export function textOf(value: unknown, field: string): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const found = (value as Record<string, unknown>)[field];
  return typeof found === 'string' && found !== '' ? found : undefined;
}
