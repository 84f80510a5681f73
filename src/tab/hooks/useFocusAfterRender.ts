import { useCallback, useEffect, useRef } from 'react';

/**
 * Moves keyboard focus to the element with an id once the change that renders it is on screen:
 * after "Move up" to the same button in its new place, after "Remove" to a neighbour. Returns
 * the function that names the element; the change itself (a parent's `onChange`) renders it.
 */
export function useFocusAfterRender(): (id: string) => void {
  const pending = useRef<string | undefined>(undefined);
  // After every render: the element named may only now exist.
  useEffect(() => {
    if (!pending.current) return;
    const element = document.getElementById(pending.current);
    if (!element) return;
    pending.current = undefined;
    element.focus();
  });
  return useCallback((id: string) => {
    pending.current = id;
  }, []);
}
