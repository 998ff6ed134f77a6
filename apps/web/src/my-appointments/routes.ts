// /book/:clinicSlug/my: a patient's own appointments at the clinic (ADR 0050). The loader is the
// booking page's (the clinic, in its language); the page is a lazy chunk of its own, outside the
// booking page's JavaScript budget.
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { ClinicFailed, ClinicSkeleton } from "../booking/BookingStates";
import { loadInPatientLanguage, validatePatientSearch } from "../i18n/patient-i18n";
import { rootRoute } from "../routes/base";

export const myAppointmentsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/book/$clinicSlug/my",
  validateSearch: validatePatientSearch,
  loaderDeps: ({ search }) => ({ lang: search.lang }),
  loader: ({ context: { queryClient, trpc }, params, deps }) =>
    loadInPatientLanguage(deps.lang, queryClient.ensureQueryData(trpc.public.clinic.queryOptions({ clinicSlug: params.clinicSlug })), (answer) => answer.locale),
  pendingComponent: ClinicSkeleton,
  errorComponent: ClinicFailed,
  component: lazyRouteComponent(() => import("./MyAppointmentsPage"), "MyAppointmentsPage"),
});
