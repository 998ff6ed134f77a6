// The calendar's routes; router.tsx assembles the tree.
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { signedInRoute } from "../../routes/base";

export interface CalendarSearch {
  /** The day shown, in the clinic's calendar; today when absent. */
  date?: string;
}

export const calendarRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "calendar",
  validateSearch: (search: Record<string, unknown>): CalendarSearch =>
    typeof search.date === "string" && /^\d{4}-\d{2}-\d{2}$/.test(search.date) ? { date: search.date } : {},
  component: lazyRouteComponent(() => import("./CalendarPage"), "CalendarPage"),
});

/** Routes under the signed-in layout. */
export const calendarRoutes = [calendarRoute] as const;
