/**
 * The API's schedules are ISO 8601 durations in days or weeks (`P90D`, `P26W`); the forms ask for a number of days.
 */
export function daysToDuration(days: number | null | undefined): string | null {
  return days === null || days === undefined ? null : `P${days}D`;
}

/** `P90D` → 90, `P26W` → 182; anything else (or nothing) → undefined. */
export function durationToDays(duration: string | null | undefined): number | undefined {
  const match = /^P(\d+)([DW])$/i.exec(duration ?? '');
  if (!match) return undefined;
  return Number(match[1]) * (match[2]!.toUpperCase() === 'W' ? 7 : 1);
}
