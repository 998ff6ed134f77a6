// Calendar feeds outside the clinic settings: practitioners make their own subscription URL
// (clinic.calendarFeeds.* lets them), but the settings are for owners and admins.
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { signedInRoute } from "../../routes/base";

export const calendarFeedsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "calendar-feeds",
  component: lazyRouteComponent(() => import("./MyCalendarFeedsPage"), "MyCalendarFeedsPage"),
});

/** Routes under the signed-in layout. */
export const calendarFeedsRoutes = [calendarFeedsRoute] as const;
