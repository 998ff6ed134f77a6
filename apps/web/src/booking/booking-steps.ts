// The booking flow's steps and where each lives (ADR 0041): one URL per step, so Back and Forward
// move between steps, a shared link opens the same step and a reload keeps the choices.
//   /book/:clinicSlug?step=time&service=<id>&practitioner=<id|any>&time=<instant>&lang=fr
// The choices a link may carry (service, practitioner, time) are in the address; what the patient
// typed about themselves is personal and stays in this tab's sessionStorage (booking-draft.ts).
// To add a step: put its id in BOOKING_STEPS where it belongs, then TypeScript asks BookingPage
// for its label, its "done" check and its view (Records over BookingStep).
import { validatePatientSearch, type PatientSearch } from "../i18n/patient-i18n";

export const BOOKING_STEPS = ["service", "practitioner", "time", "details", "intake", "confirm"] as const;
export type BookingStep = (typeof BOOKING_STEPS)[number];

/** The step after booking: not in the progress list, shown while the booking answer is kept. */
export const DONE_STEP = "done";

/** "First available" in the address (a practitioner id is a uuid, so it cannot clash). */
export const ANY_PRACTITIONER = "any";

export interface BookingSearch extends PatientSearch {
  step?: BookingStep | typeof DONE_STEP;
  service?: string;
  /** A practitioner's id, or ANY_PRACTITIONER. */
  practitioner?: string;
  /** The chosen slot's start (ISO instant). */
  time?: string;
}

// Plain checks, not the domain's zod schemas: this module is in the first script every page loads.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isBookingStep(value: unknown): value is BookingStep {
  return typeof value === "string" && (BOOKING_STEPS as readonly string[]).includes(value);
}

/**
 * The booking route's search: a hand-edited or stale link keeps what is well formed and drops the
 * rest (an unknown id is dropped later, against the clinic's own lists), never an error page.
 */
export function validateBookingSearch(search: Record<string, unknown>): BookingSearch {
  const { step, service, practitioner, time } = search;
  // Every key is set, undefined when malformed: the router hands the raw search down with the
  // validated one spread over it, so a key left out would come through unchecked.
  return {
    lang: validatePatientSearch(search).lang,
    step: isBookingStep(step) || step === DONE_STEP ? step : undefined,
    service: typeof service === "string" && UUID.test(service) ? service : undefined,
    practitioner: typeof practitioner === "string" && (practitioner === ANY_PRACTITIONER || UUID.test(practitioner)) ? practitioner : undefined,
    time: typeof time === "string" && INSTANT.test(time) && !Number.isNaN(Date.parse(time)) ? time : undefined,
  };
}

/**
 * The step to show: the one asked for when every step before it is done, else the first step not
 * done (a shared link to "confirm" without details opens the details).
 */
export function stepToShow(asked: BookingStep | undefined, isDone: (step: BookingStep) => boolean): BookingStep {
  for (const step of BOOKING_STEPS) {
    if (step === asked || !isDone(step)) return step;
  }
  return asked ?? BOOKING_STEPS[0];
}

/**
 * Where this tab keeps a clinic's booking draft (booking-draft.ts). Here, in the first script,
 * so that "book again" on the patient's own list (ADR 0050) can start a draft without pulling
 * the booking page's modules into its chunk.
 */
export const bookingDraftKey = (clinicSlug: string) => `frontdesk.booking.${clinicSlug}`;
