import type { ErrorSchema } from '@rjsf/utils';
import { toNamePath } from '../forms';

export interface SplitErrors {
  /** The errors under `prefix`, shaped as the form renderer shows them at its fields. */
  form: ErrorSchema;
  /** Every other field's messages, by JSON path (e.g. `reason`, `outcome`). */
  other: Record<string, string[]>;
}

/**
 * Splits a 400's `errors` (keyed by JSON path, `form.items[0].qty`) into those of the form rendered from a schema (the
 * paths under `prefix`, shown at their fields; `form` itself, at the top of the form) and the rest.
 */
export function splitServerErrors(errors: Record<string, string[]> | undefined, prefix = 'form'): SplitErrors {
  const form: ErrorSchema = {};
  const other: Record<string, string[]> = {};
  for (const [path, messages] of Object.entries(errors ?? {})) {
    const name = toNamePath(path);
    if (name[0] !== prefix) {
      other[path] = messages;
      continue;
    }
    let node = form as Record<string | number, unknown>;
    for (const part of name.slice(1)) node = (node[part] ??= {}) as Record<string | number, unknown>;
    node.__errors = [...((node.__errors as string[] | undefined) ?? []), ...messages];
  }
  return { form, other };
}
