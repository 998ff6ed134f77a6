// The clinic settings' routes; router.tsx assembles the tree. Every screen is its own lazy chunk,
// so neither the patient's booking bundle nor the calendar carries the settings forms.
import { can } from "@frontdesk/domain";
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { signedInRoute, type RouterContext } from "../../routes/base";
import { sectionStates } from "./route-states";

/**
 * Runs a settings screen's `load` only for members who may open the settings: SettingsLayout
 * refuses everyone else, and their browser does not even ask (the API would refuse it too).
 */
async function forSettingsMembers({ queryClient, trpc }: RouterContext, load: () => Promise<unknown>): Promise<void> {
  const me = await queryClient.ensureQueryData(trpc.auth.me.queryOptions());
  const membership = me?.memberships.find((m) => m.clinicId === me.activeClinicId);
  // The same rule as SettingsLayout: the settings are for those who may change them.
  if (membership && can(membership.role, "clinic.settings.update")) await load();
}

export const settingsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "settings",
  component: lazyRouteComponent(() => import("./SettingsLayout"), "SettingsLayout"),
});

export const settingsProfileRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: "/",
  loader: ({ context }) => forSettingsMembers(context, () => context.queryClient.ensureQueryData(context.trpc.clinic.settings.get.queryOptions())),
  ...sectionStates({
    heading: { id: "profile-heading", text: "Clinic profile and booking policy" },
    loading: "Loading the clinic's settings…",
    failed: "The clinic's settings could not be loaded",
  }),
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
  loader: ({ context }) => forSettingsMembers(context, () => context.queryClient.ensureQueryData(context.trpc.practitioners.list.queryOptions({ includeInactive: true }))),
  ...sectionStates({ loading: "Loading the practitioners…", failed: "The practitioners could not be loaded" }),
  component: lazyRouteComponent(() => import("./HoursPage"), "HoursPage"),
});

export const settingsStaffRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: "staff",
  loader: ({ context }) => forSettingsMembers(context, () => context.queryClient.ensureQueryData(context.trpc.clinic.staff.list.queryOptions())),
  ...sectionStates({ heading: { id: "staff-heading", text: "Staff" }, loading: "Loading the staff…", failed: "The staff could not be loaded" }),
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

export const settingsEmbedRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: "embed",
  component: lazyRouteComponent(() => import("./EmbedPage"), "EmbedPage"),
});

export const settingsWebhooksRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: "webhooks",
  component: lazyRouteComponent(() => import("./WebhooksPage"), "WebhooksPage"),
});

export const settingsTemplatesRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: "templates",
  component: lazyRouteComponent(() => import("./TemplatesPage"), "TemplatesPage"),
});

export const settingsNotificationsRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: "notifications",
  component: lazyRouteComponent(() => import("./NotificationsPage"), "NotificationsPage"),
});

export const settingsFailuresRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: "failures",
  component: lazyRouteComponent(() => import("./FailuresPage"), "FailuresPage"),
});

export const settingsApiKeysRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: "api-keys",
  component: lazyRouteComponent(() => import("./ApiKeysPage"), "ApiKeysPage"),
});

export const settingsFlagsRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: "features",
  component: lazyRouteComponent(() => import("./FlagsPage"), "FlagsPage"),
});

export const settingsCalendarFeedsRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: "calendar-feeds",
  component: lazyRouteComponent(() => import("./CalendarFeedsPage"), "CalendarFeedsPage"),
});

export const settingsIntakeRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: "intake",
  component: lazyRouteComponent(() => import("./IntakePage"), "IntakePage"),
});

export const settingsBrandRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: "brand",
  component: lazyRouteComponent(() => import("./BrandPage"), "BrandPage"),
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
    settingsWebhooksRoute,
    settingsTemplatesRoute,
    settingsFailuresRoute,
    settingsApiKeysRoute,
    settingsNotificationsRoute,
    settingsFlagsRoute,
    settingsCalendarFeedsRoute,
    settingsIntakeRoute,
    settingsBrandRoute,
    settingsEmbedRoute,
  ]),
] as const;
