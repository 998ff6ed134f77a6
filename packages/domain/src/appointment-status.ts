// The appointment status machine: booked -> confirmed -> arrived -> completed, with cancelled and
// no_show as end states. The database enum, the API's checks and the calendar's buttons all read it.
import { can } from "./permissions";
import type { CallerRole } from "./roles";

export const APPOINTMENT_STATUSES = ["booked", "confirmed", "arrived", "completed", "cancelled", "no_show"] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/** Which status may follow which. */
const NEXT: Record<AppointmentStatus, readonly AppointmentStatus[]> = {
  booked: ["confirmed", "arrived", "cancelled", "no_show"],
  confirmed: ["arrived", "cancelled", "no_show"],
  arrived: ["completed"],
  completed: [],
  cancelled: [],
  no_show: [],
};

/** Statuses whose appointment still occupies the practitioner's calendar (the exclusion constraint's, too). */
export const BLOCKING_STATUSES = ["booked", "confirmed", "arrived", "completed"] as const satisfies readonly AppointmentStatus[];

/** Statuses of an appointment still to come or under way: a patient with one in the future is not archived. */
export const PENDING_STATUSES = ["booked", "confirmed", "arrived"] as const satisfies readonly AppointmentStatus[];

/** The statuses appointments.setStatus sets; cancelling has a procedure of its own (it takes a reason). */
export const SETTABLE_STATUSES = ["confirmed", "arrived", "completed", "no_show"] as const satisfies readonly AppointmentStatus[];
export type SettableStatus = (typeof SETTABLE_STATUSES)[number];

/** How staff read a status ("No-show"). */
export const STATUS_NAMES: Record<AppointmentStatus, string> = {
  booked: "Booked",
  confirmed: "Confirmed",
  arrived: "Arrived",
  completed: "Completed",
  cancelled: "Cancelled",
  no_show: "No-show",
};

/** The statuses an appointment in `from` may move to. */
export function nextStatuses(from: AppointmentStatus): readonly AppointmentStatus[] {
  return NEXT[from];
}

export function canTransition(from: AppointmentStatus, to: AppointmentStatus): boolean {
  return NEXT[from].includes(to);
}

/** Only booked and confirmed appointments can still be moved or cancelled. */
export function isOpen(status: AppointmentStatus): boolean {
  return status === "booked" || status === "confirmed";
}

/** The statuses appointments.setStatus may set on an appointment in `from` (the calendar's buttons). */
export function settableStatuses(from: AppointmentStatus): readonly SettableStatus[] {
  return SETTABLE_STATUSES.filter((to) => canTransition(from, to));
}

/**
 * Whether `role` may move an appointment from `from` to `to`, by whichever procedure does it:
 * a practitioner marks arrived, completed or no-show but, as the permission table says, does not
 * cancel.
 */
export function mayChangeStatus(role: CallerRole, from: AppointmentStatus, to: AppointmentStatus): boolean {
  if (!canTransition(from, to)) return false;
  return to === "cancelled" ? can(role, "appointments.cancel") : can(role, "appointments.setStatus");
}
