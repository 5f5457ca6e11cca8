import { useEffect, useState } from 'react';
import { isTyping, moveSelection } from './keyboard';

/**
 * j/k move the selected row, Enter opens it, anywhere on the page except while typing in a field. The selection starts
 * on the first row and stays within the rows shown (a page change or a refresh may shorten them).
 */
export function useRowKeyboard(count: number, open: (index: number) => void) {
  const [selected, setSelected] = useState(0);
  const shown = count === 0 ? -1 : Math.max(0, Math.min(selected, count - 1));

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // Before the rows arrive there is nothing to move to: the first row is selected once they do.
      if (count === 0 || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      if (event.key === 'j' || event.key === 'k') {
        event.preventDefault();
        setSelected(moveSelection(shown, event.key, count));
      } else if (event.key === 'Enter' && shown >= 0 && !isControl(event.target)) {
        event.preventDefault();
        open(shown);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [count, shown, open]);

  return [shown, setSelected] as const;
}

/** Enter on a focused button or link is theirs (claim, open the case), not the selected row's. */
function isControl(target: EventTarget | null): boolean {
  return target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement;
}
