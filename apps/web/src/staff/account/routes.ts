// The account's routes: sign-in (and, later, sign-up and invitations) without a session; the
// member's own account pages behind it. router.tsx assembles the tree.
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { staffRoute } from "../../routes/base";

export const signInRoute = createRoute({
  getParentRoute: () => staffRoute,
  path: "sign-in",
  component: lazyRouteComponent(() => import("../SignInPage"), "SignInPage"),
});

/** Routes reachable without a session, under `/app`. */
export const accountPublicRoutes = [signInRoute] as const;

/** Routes under the signed-in layout. */
export const accountRoutes: readonly never[] = [];
