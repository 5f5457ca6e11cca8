import type { ErrorSchema } from '@rjsf/utils';
import { splitServerErrors } from '../../shared/schemaForm/serverErrors';

export interface CompletionErrors {
  /** At the rendered form's fields. */
  form: ErrorSchema;
  /** At the reason field (the task's form has none of its own). */
  reason: string[];
  /** About the outcome chosen, or anything else: shown above the outcome buttons. */
  general: string[];
}

/**
 * Where a refused completion's field errors go. The server keys them by JSON path: `form.<field>` for the task's form,
 * `form.reason` (or `reason`) when the outcome needs a reason, `outcome` for an outcome the task does not offer. A
 * reason goes to the form when the form has a field of that name, else to the page's own reason field.
 */
export function completionErrors(errors: Record<string, string[]> | undefined, formHasReason: boolean): CompletionErrors {
  const { form, other } = splitServerErrors(errors);
  const reason = [...(other.reason ?? [])];
  if (!formHasReason && form.reason) {
    reason.push(...(form.reason.__errors ?? []));
    delete form.reason;
  }
  const general = Object.entries(other)
    .filter(([path]) => path !== 'reason')
    .flatMap(([path, messages]) => messages.map((message) => (path ? `${path}: ${message}` : message)));
  return { form, reason, general };
}
