// The calendar's routes; router.tsx assembles the tree.
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { signedInRoute } from "../../routes/base";

export interface CalendarSearch {
  /** The day shown (or a day of the week shown), in the clinic's calendar; today when absent. */
  date?: string;
  /**
   * "week": one practitioner's week; "resources": every practitioner across the week; "agenda": the
   * day as a list; the day view (a column per practitioner) when absent.
   */
  view?: "week" | "resources" | "agenda";
  /** The week view's practitioner; the first one shown when absent. */
  practitioner?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Keeps only what makes sense from the address bar (a bookmark, a pasted link). */
export function readCalendarSearch(search: Record<string, unknown>): CalendarSearch {
  const result: CalendarSearch = {};
  if (typeof search.date === "string" && /^\d{4}-\d{2}-\d{2}$/.test(search.date)) result.date = search.date;
  if (search.view === "week" || search.view === "resources" || search.view === "agenda") result.view = search.view;
  if (typeof search.practitioner === "string" && UUID.test(search.practitioner)) result.practitioner = search.practitioner;
  return result;
}

export const calendarRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "calendar",
  validateSearch: readCalendarSearch,
  component: lazyRouteComponent(() => import("./CalendarPage"), "CalendarPage"),
});

/** Routes under the signed-in layout. */
export const calendarRoutes = [calendarRoute] as const;
