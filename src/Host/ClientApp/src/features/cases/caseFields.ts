import type { CaseView } from './api';

/**
 * A text field of the case's customer or product, which the server sends as free JSON objects (masked fields are
 * absent or replaced for roles that may not see them): whatever came, as text, or undefined.
 */
export function textOf(record: CaseView['customer'] | CaseView['product'], key: string): string | undefined {
  const value = (record as Record<string, unknown>)[key];
  return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** The customer as a list shows them: name, and the company when it is another name. */
export function customerLabel(customer: CaseView['customer']): string {
  const name = textOf(customer, 'name');
  const company = textOf(customer, 'company');
  return [name, company !== name ? company : undefined].filter(Boolean).join(' · ');
}
