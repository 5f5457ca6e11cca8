type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * The form checker's messages (src/Activities/Forms/FormValidator.cs, the reason rule of HumanTask) in the person's
 * language: the server speaks English, the page may not. A message not listed stays as the server wrote it.
 */
const known: [RegExp, string, (match: RegExpExecArray) => Record<string, unknown>][] = [
  [/^is required$/, 'required', () => ({})],
  [/^must not be empty$/, 'notEmpty', () => ({})],
  [/^must be at least (\S+) characters long$/, 'minLength', (m) => ({ count: m[1] })],
  [/^must be at least (\S+)$/, 'minimum', (m) => ({ value: m[1] })],
  [/^must be at most (\S+)$/, 'maximum', (m) => ({ value: m[1] })],
  [/^must be one of: (.*)$/, 'oneOf', (m) => ({ values: m[1] })],
  [/^is not a field of this form$/, 'unknownField', () => ({})],
  [/^must have at least one entry$/, 'oneEntry', () => ({})],
  [/^must have at least (\d+) entries$/, 'entries', (m) => ({ count: m[1] })],
  [/^must be a date \(YYYY-MM-DD\)$/, 'date', () => ({})],
  [/^must be a date and time/, 'dateTime', () => ({})],
  [/^must be an email address$/, 'email', () => ({})],
  [/^must be text$/, 'text', () => ({})],
  [/^must be a number$/, 'number', () => ({})],
  [/^must be a whole number$/, 'integer', () => ({})],
  [/^must be true or false$/, 'boolean', () => ({})],
  [/^is required when the outcome is (.+)$/, 'reasonRequired', (m) => ({ outcome: m[1] })],
];

export function localizeServerMessage(message: string, t: Translate): string {
  for (const [pattern, key, values] of known) {
    const match = pattern.exec(message);
    if (match) return t(`common:serverMessages.${key}`, { ...values(match), defaultValue: message });
  }
  return message;
}

/** Every message of a 400's `errors`, localized. */
export function localizeServerErrors(errors: Record<string, string[]> | undefined, t: Translate): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(errors ?? {}).map(([path, messages]) => [path, messages.map((m) => localizeServerMessage(m, t))]),
  );
}
