// The route tree, one lazy chunk per area: a patient on /book/… never downloads the staff screens.
// Each area declares its routes beside its screens; this file only assembles them.
import { createRoute, createRouter, lazyRouteComponent, redirect, type RouterHistory } from "@tanstack/react-router";
import type { ApiClients } from "./api/trpc";
import { ClinicFailed, ClinicSkeleton } from "./booking/BookingStates";
import { takePreloadedClinic, takeWrittenSlots } from "./booking/preloaded-clinic";
import { validateBookingSearch } from "./booking/booking-steps";
import { activatePatientLanguage, browserLanguage, loadInPatientLanguage, validatePatientSearch } from "./i18n/patient-i18n";
import { ManageBookingFailed, ManageBookingPending } from "./manage/ManageBookingStates";
import { myAppointmentsRoute } from "./my-appointments/routes";
import { rootRoute, signedInRoute, staffRoute } from "./routes/base";
import { HomePage, PagePending } from "./shell/AppShell";
import { accountPublicRoutes, accountRoutes } from "./staff/account/routes";
import { calendarRoutes } from "./staff/calendar/routes";
import { patientsRoutes } from "./staff/patients/routes";
import { settingsRoutes } from "./staff/settings/routes";
import { waitlistRoutes } from "./staff/waitlist/routes";
import { setupRoutes } from "./staff/setup/routes";
import { calendarFeedsRoutes } from "./staff/calendar-feeds/routes";
import { reportsRoutes } from "./staff/reports/routes";

const homeRoute = createRoute({ getParentRoute: () => rootRoute, path: "/", component: HomePage });

export const bookingRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/book/$clinicSlug",
  validateSearch: validateBookingSearch,
  loaderDeps: ({ search }) => ({ lang: search.lang }),
  loader: ({ context: { queryClient, trpc }, params, deps }) => {
    const options = trpc.public.clinic.queryOptions({ clinicSlug: params.clinicSlug });
    const clinic = takePreloadedClinic(params.clinicSlug).then((preloaded) => {
      if (preloaded) queryClient.setQueryData(options.queryKey, preloaded);
      const slots = takeWrittenSlots(params.clinicSlug);
      if (slots) queryClient.setQueryData(trpc.public.slots.queryKey(slots.input), slots.answer);
      return queryClient.ensureQueryData(options);
    });
    return loadInPatientLanguage(deps.lang, clinic, (answer) => answer.locale);
  },
  pendingComponent: ClinicSkeleton,
  errorComponent: ClinicFailed,
  component: lazyRouteComponent(() => import("./booking/BookingPage"), "BookingPage"),
});

export const manageRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/booking/$token",
  validateSearch: validatePatientSearch,
  loaderDeps: ({ search }) => ({ lang: search.lang }),
  loader: ({ context: { queryClient, trpc }, params, deps }) =>
    loadInPatientLanguage(deps.lang, queryClient.ensureQueryData(trpc.public.booking.get.queryOptions({ token: params.token })), (answer) => answer.clinic.locale),
  pendingComponent: ManageBookingPending,
  errorComponent: ManageBookingFailed,
  component: lazyRouteComponent(() => import("./manage/ManageBookingPage"), "ManageBookingPage"),
});

// The links in patients' messages (reminder's confirm, every message's opt-out).
const confirmRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/confirm/$token",
  validateSearch: validatePatientSearch,
  loaderDeps: ({ search }) => ({ lang: search.lang }),
  // The reminder's confirm link is the appointment's manage link: the clinic's language comes with the
  // appointment. A link that no longer works still gets its page (in the picked or the browser's
  // language): the button's answer says what went wrong, as before.
  loader: ({ context: { queryClient, trpc }, params, deps }) =>
    loadInPatientLanguage(deps.lang, queryClient.ensureQueryData(trpc.public.booking.get.queryOptions({ token: params.token })), (answer) => answer.clinic.locale).then(
      () => undefined,
      () => undefined,
    ),
  component: lazyRouteComponent(() => import("./manage/MessageLinkPages"), "ConfirmAppointmentPage"),
});

const optOutRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/opt-out/$token",
  validateSearch: validatePatientSearch,
  loaderDeps: ({ search }) => ({ lang: search.lang }),
  // Nothing tells the clinic's locale before the patient acts: the picked or the browser's language.
  loader: ({ deps }) => activatePatientLanguage(deps.lang ?? browserLanguage()),
  component: lazyRouteComponent(() => import("./manage/MessageLinkPages"), "OptOutPage"),
});

// The link in a waitlist offer (issue 17).
const waitlistOfferRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/waitlist/$token",
  validateSearch: validatePatientSearch,
  loaderDeps: ({ search }) => ({ lang: search.lang }),
  // The offer's answer names the clinic's zone, not its locale: the picked or the browser's language.
  loader: ({ deps }) => activatePatientLanguage(deps.lang ?? browserLanguage()),
  component: lazyRouteComponent(() => import("./manage/WaitlistOfferPage"), "WaitlistOfferPage"),
});

const staffIndexRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/",
  beforeLoad: () => {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- the router's redirect is thrown by design
    throw redirect({ to: "/app/calendar", search: {} });
  },
});

const routeTree = rootRoute.addChildren([
  homeRoute,
  bookingRoute,
  myAppointmentsRoute,
  manageRoute,
  confirmRoute,
  optOutRoute,
  waitlistOfferRoute,
  staffRoute.addChildren([
    ...accountPublicRoutes,
    signedInRoute.addChildren([staffIndexRoute, ...calendarRoutes, ...patientsRoutes, ...settingsRoutes, ...setupRoutes, ...accountRoutes, ...waitlistRoutes, ...calendarFeedsRoutes, ...reportsRoutes]),
  ]),
]);

export function createAppRouter({ queryClient, trpc }: ApiClients, history?: RouterHistory) {
  return createRouter({
    routeTree,
    context: { queryClient, trpc },
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
