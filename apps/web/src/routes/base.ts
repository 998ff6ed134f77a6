// The routes every area hangs its own from. Each area declares its routes next to its screens
// (staff/calendar/routes.ts, …) and router.tsx only assembles the tree.
import { createRootRoute, createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { AppShell, NotFoundPage } from "../shell/AppShell";

export const rootRoute = createRootRoute({ component: AppShell, notFoundComponent: NotFoundPage });

/** `/app`: the staff area. Pages here are reachable without a session (sign-in, sign-up, …). */
export const staffRoute = createRoute({ getParentRoute: () => rootRoute, path: "/app" });

/** Everything behind the signed-in layout (auth.me); the layout sends strangers to sign-in. */
export const signedInRoute = createRoute({
  getParentRoute: () => staffRoute,
  id: "signed-in",
  component: lazyRouteComponent(() => import("../staff/StaffLayout"), "StaffLayout"),
});
