// Routes, one lazy chunk per area: a patient on /book/… never downloads the staff screens.
import { createRootRoute, createRoute, createRouter, lazyRouteComponent, redirect, type RouterHistory } from "@tanstack/react-router";
import { AppShell, HomePage, NotFoundPage, PagePending } from "./shell/AppShell";

const rootRoute = createRootRoute({ component: AppShell, notFoundComponent: NotFoundPage });

const homeRoute = createRoute({ getParentRoute: () => rootRoute, path: "/", component: HomePage });

export const bookingRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/book/$clinicSlug",
  component: lazyRouteComponent(() => import("./booking/BookingPage"), "BookingPage"),
});

export const manageRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/booking/$token",
  component: lazyRouteComponent(() => import("./manage/ManageBookingPage"), "ManageBookingPage"),
});

// The staff area: the sign-in page, and everything else behind the signed-in layout (auth.me).
const staffRoute = createRoute({ getParentRoute: () => rootRoute, path: "/app" });

const signInRoute = createRoute({
  getParentRoute: () => staffRoute,
  path: "sign-in",
  component: lazyRouteComponent(() => import("./staff/SignInPage"), "SignInPage"),
});

const signedInRoute = createRoute({
  getParentRoute: () => staffRoute,
  id: "signed-in",
  component: lazyRouteComponent(() => import("./staff/StaffLayout"), "StaffLayout"),
});

const staffIndexRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/",
  beforeLoad: () => {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- the router's redirect is thrown by design
    throw redirect({ to: "/app/calendar", search: {} });
  },
});

export interface CalendarSearch {
  /** The day shown, in the clinic's calendar; today when absent. */
  date?: string;
}

export const calendarRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "calendar",
  validateSearch: (search: Record<string, unknown>): CalendarSearch =>
    typeof search.date === "string" && /^\d{4}-\d{2}-\d{2}$/.test(search.date) ? { date: search.date } : {},
  component: lazyRouteComponent(() => import("./staff/calendar/CalendarPage"), "CalendarPage"),
});

const patientsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "patients",
  component: lazyRouteComponent(() => import("./staff/StaffLayout"), "PatientsPlaceholder"),
});

const settingsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "settings",
  component: lazyRouteComponent(() => import("./staff/StaffLayout"), "SettingsPlaceholder"),
});

const routeTree = rootRoute.addChildren([
  homeRoute,
  bookingRoute,
  manageRoute,
  staffRoute.addChildren([signInRoute, signedInRoute.addChildren([staffIndexRoute, calendarRoute, patientsRoute, settingsRoute])]),
]);

export function createAppRouter(history?: RouterHistory) {
  return createRouter({
    routeTree,
    defaultPendingComponent: PagePending,
    defaultPendingMs: 150,
    scrollRestoration: true,
    ...(history ? { history } : {}),
  });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
