// The reports' route; router.tsx assembles the tree. The page (and its charts, a chunk of their
// own) load only when an owner opens it: never on the booking page's path.
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { signedInRoute } from "../../routes/base";

export const reportsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "reports",
  component: lazyRouteComponent(() => import("./ReportsPage"), "ReportsPage"),
});

/** Routes under the signed-in layout. */
export const reportsRoutes = [reportsRoute] as const;
