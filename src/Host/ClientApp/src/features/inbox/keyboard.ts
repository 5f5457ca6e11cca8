/** Where j/k move the selected row among `count` rows: j down, k up, stopping at the ends; -1 means none selected. */
export function moveSelection(current: number, key: string, count: number): number {
  if (count === 0) return -1;
  if (key === 'j') return Math.min(count - 1, current + 1);
  if (key === 'k') return current < 0 ? 0 : Math.max(0, current - 1);
  return current;
}

/** Whether a key press belongs to a field being typed in (a filter box), not to the list. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
