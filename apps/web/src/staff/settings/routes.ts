// The clinic settings' routes; router.tsx assembles the tree. Every screen is its own lazy chunk,
// so neither the patient's booking bundle nor the calendar carries the settings forms.
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { signedInRoute } from "../../routes/base";

export const settingsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "settings",
  component: lazyRouteComponent(() => import("./SettingsLayout"), "SettingsLayout"),
});

export const settingsProfileRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: "/",
  component: lazyRouteComponent(() => import("./ProfilePage"), "ProfilePage"),
});

export const settingsPractitionersRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: "practitioners",
  component: lazyRouteComponent(() => import("./PractitionersPage"), "PractitionersPage"),
});

export const settingsServicesRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: "services",
  component: lazyRouteComponent(() => import("./ServicesPage"), "ServicesPage"),
});

export interface HoursSearch {
  /** The practitioner whose week is open; the first one listed when absent. */
  practitioner?: string;
}

export const settingsHoursRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: "hours",
  validateSearch: (search: Record<string, unknown>): HoursSearch =>
    typeof search.practitioner === "string" && search.practitioner.length <= 64 ? { practitioner: search.practitioner } : {},
  component: lazyRouteComponent(() => import("./HoursPage"), "HoursPage"),
});

export const settingsStaffRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: "staff",
  component: lazyRouteComponent(() => import("./StaffPage"), "StaffPage"),
});

export const settingsAuditRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: "audit",
  component: lazyRouteComponent(() => import("./AuditPage"), "AuditPage"),
});

export const settingsSecurityRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: "security",
  component: lazyRouteComponent(() => import("./SecurityPage"), "SecurityPage"),
});

/** Routes under the signed-in layout. */
export const settingsRoutes = [
  settingsRoute.addChildren([
    settingsProfileRoute,
    settingsPractitionersRoute,
    settingsServicesRoute,
    settingsHoursRoute,
    settingsStaffRoute,
    settingsAuditRoute,
    settingsSecurityRoute,
  ]),
] as const;
