import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { ApiError } from './api/problems';
import { problemText } from './components/ProblemAlert';

/**
 * Puts the server's 400 field errors (problem details `errors`, keyed by JSON path such as `customer.name` or
 * `items[0].qty`) at the form's fields. Answers the messages it could not place, for the form to show above its buttons.
 */
export function showServerErrors(form: FormInstance, error: unknown): string[] {
  if (!(error instanceof ApiError) || !error.problem.errors) return [];
  const unplaced: string[] = [];
  const fields = [];
  for (const [path, messages] of Object.entries(error.problem.errors)) {
    const name = toNamePath(path);
    if (name.length > 0 && form.getFieldInstance(name) !== undefined) fields.push({ name, errors: messages });
    else unplaced.push(...messages.map((m) => (path ? `${path}: ${m}` : m)));
  }
  form.setFields(fields);
  return unplaced;
}

/** `customer.name` → ['customer', 'name']; `items[0].qty` → ['items', 0, 'qty']; a leading `$.` is dropped. */
export function toNamePath(path: string): (string | number)[] {
  return path
    .replace(/^\$\.?/, '')
    .split(/\.|\[(\d+)\]/)
    .filter((part) => part !== undefined && part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Shows a failed submit where it belongs: field errors at their fields, and answers the sentence for the rest (a
 * refusal, a conflict, a network failure), or undefined when every message found its field.
 */
export function showSubmitError(form: FormInstance, error: unknown, t: TFunction): string | undefined {
  const unplaced = showServerErrors(form, error);
  if (unplaced.length > 0) return unplaced.join(' ');
  return error instanceof ApiError && error.problem.errors ? undefined : problemText(error, t);
}
