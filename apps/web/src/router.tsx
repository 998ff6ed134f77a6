// Routes, one lazy chunk per area: a patient on /book/… never downloads the staff screens.
import { createRootRoute, createRoute, createRouter, lazyRouteComponent, type RouterHistory } from "@tanstack/react-router";
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

const staffRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/app",
  component: lazyRouteComponent(() => import("./staff/StaffHome"), "StaffHome"),
});

const routeTree = rootRoute.addChildren([homeRoute, bookingRoute, manageRoute, staffRoute]);

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
