// The setup checklist's route; router.tsx assembles the tree.
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { signedInRoute } from "../../routes/base";

export const setupRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "setup",
  component: lazyRouteComponent(() => import("./SetupPage"), "SetupPage"),
});

/** Routes under the signed-in layout. */
export const setupRoutes = [setupRoute] as const;
