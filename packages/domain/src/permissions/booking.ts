import { STAFF_ROLES } from "../roles";
import type { Access } from ".";

const staff = STAFF_ROLES;
const frontDesk = ["owner", "admin", "receptionist"] as const;

/** Online booking (public.*), the calendar and appointments. */
export const bookingAccess = {
  "public.clinic": "anyone",
  "public.slots": "anyone",
  "public.book": "anyone",
  "public.booking.get": "anyone",
  "public.booking.cancel": "anyone",
  "public.booking.reschedule": "anyone",
  "calendar.range": staff,
  "appointments.get": staff,
  "appointments.create": frontDesk,
  "appointments.reschedule": frontDesk,
  "appointments.cancel": frontDesk,
  // Practitioners mark their patients arrived, completed or no-show.
  "appointments.setStatus": staff,
  // Undo of a status change or cancellation (ADR 0034): whoever could make the change may undo it;
  // the handler also applies appointments.cancel's rule when the undo restores a cancelled one.
  "appointments.revertStatus": staff,
  "appointments.freeTimes": staff,
  "appointments.followUp": frontDesk,
  "appointments.series.preview": frontDesk,
  "appointments.series.book": frontDesk,
  "appointments.series.move": frontDesk,
  "appointments.series.cancel": frontDesk,
} as const satisfies Record<string, Access>;
