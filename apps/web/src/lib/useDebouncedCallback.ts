import { useEffect, useRef } from "react";

/**
 * Calls `action` once typing pauses for `delayMs`: search-as-you-type asks the server once per
 * pause, not once per key. Pending calls are dropped when the component goes away.
 */
export function useDebouncedCallback<A extends unknown[]>(action: (...args: A) => void, delayMs: number): (...args: A) => void {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(action);
  useEffect(() => {
    latest.current = action;
  });
  useEffect(() => () => clearTimeout(timer.current), []);
  return (...args: A) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => latest.current(...args), delayMs);
  };
}
