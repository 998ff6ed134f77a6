// The clinic settings' routes; router.tsx assembles the tree.
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { signedInRoute } from "../../routes/base";

export const settingsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "settings",
  component: lazyRouteComponent(() => import("../StaffLayout"), "SettingsPlaceholder"),
});

/** Routes under the signed-in layout. */
export const settingsRoutes = [settingsRoute] as const;
