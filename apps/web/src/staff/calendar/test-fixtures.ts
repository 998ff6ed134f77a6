// Test helpers for the calendar's component tests. The shared msw helper (src/test/trpc.ts) knows
// only a few procedures; this one answers any query or mutation of the router, typed from it.
import type { RouterInputs, RouterOutputs } from "@frontdesk/api";
import { http, HttpResponse, type JsonBodyType } from "msw";
import { ids } from "../../test/fixtures";
import { TrpcErrorAnswer } from "../../test/trpc";

type At<T, P extends string> = P extends `${infer Head}.${infer Rest}`
  ? Head extends keyof T
    ? At<T[Head], Rest>
    : never
  : P extends keyof T
    ? T[P]
    : never;

type CalendarQuery = "patients.search" | "appointments.get" | "services.list" | "practitioners.list" | "clinic.settings.get" | "calendar.range";
type CalendarMutation = "appointments.create" | "appointments.setStatus" | "appointments.cancel" | "appointments.reschedule";
export type CalendarProcedure = CalendarQuery | CalendarMutation;

const MUTATIONS: ReadonlySet<string> = new Set<CalendarMutation>(["appointments.create", "appointments.setStatus", "appointments.cancel", "appointments.reschedule"]);

export type InputOf<P extends CalendarProcedure> = At<RouterInputs, P>;
export type OutputOf<P extends CalendarProcedure> = At<RouterOutputs, P>;

/** msw handler for one procedure: `resolve` returns its data or a TrpcErrorAnswer; may be async (to hold an answer back). */
export function answer<P extends CalendarProcedure>(path: P, resolve: (input: InputOf<P>) => OutputOf<P> | TrpcErrorAnswer | Promise<OutputOf<P> | TrpcErrorAnswer>) {
  const mutation = MUTATIONS.has(path);
  return (mutation ? http.post : http.get)(`*/trpc/${path}`, async ({ request }) => {
    const raw = mutation ? (await request.text()) || "null" : (new URL(request.url).searchParams.get("input") ?? "null");
    const result = await resolve(JSON.parse(raw) as InputOf<P>);
    if (result instanceof TrpcErrorAnswer) {
      const status = { BAD_REQUEST: 400, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, TOO_MANY_REQUESTS: 429, INTERNAL_SERVER_ERROR: 500 }[result.code];
      return HttpResponse.json({ error: { message: result.message, code: -32000, data: { code: result.code, httpStatus: status, path, ...result.extra } } }, { status });
    }
    return HttpResponse.json({ result: { data: result as JsonBodyType } });
  });
}

export const PATIENT_ID = "0b8f1c2e-6666-4000-8000-000000000001";

export const patientRow = (overrides: Partial<OutputOf<"patients.search">["items"][number]> = {}) => ({
  id: PATIENT_ID,
  fullName: "Jean Dupont",
  email: "jean.dupont@example.com",
  phone: "06 12 34 56 78",
  dateOfBirth: "1980-04-12",
  ...overrides,
});

export const servicesList = (): OutputOf<"services.list"> => [
  { id: ids.consultation, name: "Consultation", durationMinutes: 30, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, priceCents: 3000, bookableOnline: true, active: true, practitionerIds: [ids.martin, ids.haddad] },
  { id: ids.physio, name: "Kinésithérapie", durationMinutes: 60, bufferBeforeMinutes: 10, bufferAfterMinutes: 10, priceCents: null, bookableOnline: true, active: true, practitionerIds: [ids.arnaud] },
];

export const practitionersList = (): OutputOf<"practitioners.list"> => [
  { id: ids.martin, displayName: "Dr Claire Martin", colour: "#2563eb", active: true, userId: null, serviceIds: [ids.consultation] },
  { id: ids.haddad, displayName: "Dr Yasmine Haddad", colour: "#9333ea", active: true, userId: null, serviceIds: [ids.consultation] },
];

/** What appointments.get answers for the fixture appointment (Jean Dupont, 09:00 Paris on 3 March). */
export const appointmentDetails = (overrides: Partial<OutputOf<"appointments.get">> = {}): OutputOf<"appointments.get"> => ({
  id: ids.appointment,
  start: "2026-03-03T08:00:00.000Z",
  end: "2026-03-03T08:30:00.000Z",
  status: "confirmed",
  source: "staff",
  serviceId: ids.consultation,
  serviceName: "Consultation",
  practitionerId: ids.martin,
  practitionerName: "Dr Claire Martin",
  version: 1,
  notes: null,
  cancelReason: null,
  patient: { id: PATIENT_ID, fullName: "Jean Dupont", email: "jean.dupont@example.com", phone: "06 12 34 56 78", dateOfBirth: "1980-04-12" },
  ...overrides,
});

/** What a change answers (appointments.create, setStatus, cancel, reschedule). */
export const changedAppointment = (overrides: Partial<OutputOf<"appointments.setStatus">> = {}): OutputOf<"appointments.setStatus"> => {
  const { notes: _notes, cancelReason: _reason, patient: _patient, ...appointment } = appointmentDetails();
  return { ...appointment, ...overrides };
};

/** Records the inputs a procedure received. */
export function calls<P extends CalendarProcedure>() {
  const inputs: Array<InputOf<P>> = [];
  return { inputs, record: (input: InputOf<P>) => void inputs.push(input) };
}

/** Resolves when the test says so: an answer held back, to look at the screen in between. */
export function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open: () => open() };
}
