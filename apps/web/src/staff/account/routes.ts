// The account's routes: signing in and up, opening a clinic and accepting an invitation work
// without a session (each page checks auth.me itself); the member's own account page sits behind
// the signed-in layout. router.tsx assembles the tree.
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { signedInRoute, staffRoute } from "../../routes/base";
import { readReturnToSearch } from "./return-to";

export const signInRoute = createRoute({
  getParentRoute: () => staffRoute,
  path: "sign-in",
  validateSearch: readReturnToSearch,
  component: lazyRouteComponent(() => import("../SignInPage"), "SignInPage"),
});

export const signUpRoute = createRoute({
  getParentRoute: () => staffRoute,
  path: "sign-up",
  validateSearch: readReturnToSearch,
  component: lazyRouteComponent(() => import("./SignUpPage"), "SignUpPage"),
});

/** "Forgot your password?" (linked from the sign-in page). */
export const forgotPasswordRoute = createRoute({
  getParentRoute: () => staffRoute,
  path: "forgot-password",
  component: lazyRouteComponent(() => import("./ForgotPasswordPage"), "ForgotPasswordPage"),
});

/** The page a reset e-mail links to (`${PUBLIC_URL}/app/reset-password/<token>`, see auth-password.ts). */
export const resetPasswordRoute = createRoute({
  getParentRoute: () => staffRoute,
  path: "reset-password/$token",
  component: lazyRouteComponent(() => import("./ResetPasswordPage"), "ResetPasswordPage"),
});

/** "Create your clinic": outside the signed-in layout, which needs a clinic to show. */
export const newClinicRoute = createRoute({
  getParentRoute: () => staffRoute,
  path: "new-clinic",
  component: lazyRouteComponent(() => import("./NewClinicPage"), "NewClinicPage"),
});

/** The page an invitation e-mail links to (`${PUBLIC_URL}/app/invite/<token>`, see clinic-staff.ts). */
export const invitationRoute = createRoute({
  getParentRoute: () => staffRoute,
  path: "invite/$token",
  component: lazyRouteComponent(() => import("./InvitationPage"), "InvitationPage"),
});

export const accountRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "account",
  component: lazyRouteComponent(() => import("./AccountPage"), "AccountPage"),
});

/** Routes reachable without a session, under `/app`. */
export const accountPublicRoutes = [signInRoute, signUpRoute, forgotPasswordRoute, resetPasswordRoute, newClinicRoute, invitationRoute] as const;

/** Routes under the signed-in layout. */
export const accountRoutes = [accountRoute] as const;
