// Test helpers for the calendar's component tests: handlers that answer with the input alone
// (the wire format is the shared helper's, src/test/trpc.ts), and fixtures.
import { ids } from "../../test/fixtures";
import { procedure, type InputOf, type OutputOf, type Procedure, type TrpcErrorAnswer } from "../../test/trpc";

export type { InputOf, OutputOf };
export type CalendarProcedure = Procedure;

/** msw handler for one procedure: `resolve` returns its data or a TrpcErrorAnswer; may be async (to hold an answer back). */
export function answer<P extends CalendarProcedure>(path: P, resolve: (input: InputOf<P>) => OutputOf<P> | TrpcErrorAnswer | Promise<OutputOf<P> | TrpcErrorAnswer>) {
  return procedure(path, ({ input }) => resolve(input));
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
  { id: ids.consultation, name: "Consultation", durationMinutes: 30, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, priceCents: 3000, bookableOnline: true, active: true, noteSections: [], practitionerIds: [ids.martin, ids.haddad] },
  { id: ids.physio, name: "Kinésithérapie", durationMinutes: 60, bufferBeforeMinutes: 10, bufferAfterMinutes: 10, priceCents: null, bookableOnline: true, active: true, noteSections: [], practitionerIds: [ids.arnaud] },
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
