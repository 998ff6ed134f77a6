// The patient records' routes; router.tsx assembles the tree.
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { signedInRoute } from "../../routes/base";

export const patientsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "patients",
  component: lazyRouteComponent(() => import("../StaffLayout"), "PatientsPlaceholder"),
});

/** Routes under the signed-in layout. */
export const patientsRoutes = [patientsRoute] as const;
