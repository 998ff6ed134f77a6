// How tall a quarter of an hour is on the grid, chosen per device: a receptionist on a small
// laptop keeps the whole day on screen, someone reading across the desk makes it larger.
import { useState } from "react";

export const ZOOM_LEVELS = ["compact", "comfortable", "large"] as const;
export type CalendarZoom = (typeof ZOOM_LEVELS)[number];

/**
 * The CSS height of one grid row (ROW_MINUTES) at each level. The smallest keeps a quarter-hour
 * block (a row less its 2 px of margin) a 24 px target (WCAG 2.2 target size).
 */
export const ROW_HEIGHTS: Record<CalendarZoom, string> = { compact: "1.625rem", comfortable: "2.25rem", large: "3rem" };

const ZOOM_KEY = "frontdesk.calendarZoom";

function keptZoom(): CalendarZoom {
  try {
    const kept = localStorage.getItem(ZOOM_KEY);
    if ((ZOOM_LEVELS as readonly string[]).includes(kept ?? "")) return kept as CalendarZoom;
  } catch {
    // Storage refused: the default.
  }
  return "compact";
}

export function useCalendarZoom(): [CalendarZoom, (zoom: CalendarZoom) => void] {
  const [zoom, setZoom] = useState(keptZoom);
  const choose = (next: CalendarZoom) => {
    setZoom(next);
    try {
      localStorage.setItem(ZOOM_KEY, next);
    } catch {
      // Kept for this page only.
    }
  };
  return [zoom, choose];
}
