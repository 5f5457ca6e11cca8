import type { CustomerDetails, CustomerRequest } from './api';
import type { CustomerFormValues } from './components/CustomerFields';
import { daysToDuration, durationToDays } from './intervals';

/** The form's values as the API's body: blanks left out, the interval as an ISO duration. */
export function toCustomerRequest(values: CustomerFormValues): CustomerRequest {
  return {
    name: values.name?.trim() ?? '',
    company: blankToNull(values.company),
    region: blankToNull(values.region),
    email: blankToNull(values.email),
    keyCustomer: values.keyCustomer ?? false,
    visitInterval: daysToDuration(values.visitInterval),
    owner: blankToNull(values.owner) ?? undefined,
  };
}

export function toCustomerForm(customer: CustomerDetails): CustomerFormValues {
  return {
    name: customer.name,
    company: customer.company ?? undefined,
    region: customer.region ?? undefined,
    email: customer.email ?? undefined,
    keyCustomer: customer.keyCustomer,
    visitInterval: durationToDays(customer.visitInterval),
    owner: customer.owner,
  };
}

function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
