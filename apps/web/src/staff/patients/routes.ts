// The patient records' routes; router.tsx assembles the tree. The calendar links to a patient
// with `/app/patients/$patientId`.
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { signedInRoute } from "../../routes/base";
import { PatientFailed, PatientPending } from "./PatientStates";

export interface PatientsSearch {
  /** What was typed in the search box; every patient when absent. */
  q?: string | undefined;
  /** The page of results, from 1; the first when absent. */
  page?: number | undefined;
}

/**
 * Keeps only a sensible query and page from the address bar (a bookmark, a pasted link). Each key
 * is always present, if only as undefined: the router lays this over the raw query, so a key left
 * out would let a bad value through.
 */
export function readPatientsSearch(search: Record<string, unknown>): PatientsSearch {
  const q = typeof search.q === "string" ? search.q.slice(0, 200) : typeof search.q === "number" ? String(search.q) : "";
  const page = typeof search.page === "number" ? search.page : typeof search.page === "string" ? Number(search.page) : NaN;
  return { q: q.trim() ? q : undefined, page: Number.isInteger(page) && page > 1 && page <= 10_000 ? page : undefined };
}

export const patientsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "patients",
  validateSearch: readPatientsSearch,
  component: lazyRouteComponent(() => import("./PatientsPage"), "PatientsPage"),
});

export const patientRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "patients/$patientId",
  // Each view is audited (patients.get): loaded once per visit, kept 30 s like any query.
  loader: ({ context: { queryClient, trpc }, params }) => queryClient.ensureQueryData(trpc.patients.get.queryOptions({ patientId: params.patientId })),
  pendingComponent: PatientPending,
  errorComponent: PatientFailed,
  component: lazyRouteComponent(() => import("./PatientPage"), "PatientPage"),
});

/** Routes under the signed-in layout. */
export const patientsRoutes = [patientsRoute, patientRoute] as const;
