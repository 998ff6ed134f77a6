import { useEffect, useRef } from "react";

export interface CalendarShortcuts {
  today: () => void;
  previous: () => void;
  next: () => void;
  newAppointment: () => void;
  help: () => void;
}

/** The keys, for the help dialog and the buttons' aria-keyshortcuts. */
export const SHORTCUT_KEYS = { today: "t", previous: "ArrowLeft", next: "ArrowRight", newAppointment: "n", help: "?" } as const;

/**
 * t = today, ← / → = previous / next, n = new appointment, ? = help. Never while typing in a field,
 * with a modifier key held, or while a dialog is open (its own keys win).
 */
export function useCalendarShortcuts(actions: CalendarShortcuts) {
  // The latest actions, without re-attaching the listener on every render.
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      // "?" is Shift+/ on most keyboards: Shift is allowed for it alone.
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || (event.shiftKey && event.key !== "?")) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest?.("input, textarea, select, [contenteditable='true']")) return;
      if (document.querySelector("dialog[open]")) return;
      const name = (Object.keys(SHORTCUT_KEYS) as Array<keyof CalendarShortcuts>).find((key) => SHORTCUT_KEYS[key] === event.key);
      if (!name) return;
      event.preventDefault();
      latest.current[name]();
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
