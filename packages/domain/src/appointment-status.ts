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

/**
 * Statuses that say the visit happened (or did not): they can be set only once the appointment
 * has started, so that an 11:00 appointment is never marked no-show at 08:25. A patient who walks
 * in early may be marked arrived up to ARRIVAL_EARLY_MINUTES before the start (ADR 0034).
 */
const AFTER_START: Partial<Record<AppointmentStatus, number>> = { arrived: 30, completed: 0, no_show: 0 };
export const ARRIVAL_EARLY_MINUTES = AFTER_START.arrived!;

/**
 * Why `to` cannot be set yet on an appointment starting at `startsAt`, judged at `now` (the
 * caller's injected clock); null when it can. Checked after canTransition.
 */
export function tooEarlyFor(to: AppointmentStatus, startsAt: Date, now: Date): string | null {
  const early = AFTER_START[to];
  if (early === undefined) return null;
  if (now.getTime() >= startsAt.getTime() - early * 60_000) return null;
  const name = STATUS_NAMES[to].toLowerCase();
  return early > 0
    ? `This appointment has not started yet: it can be marked ${name} from ${early} minutes before its start`
    : `This appointment has not started yet: it can be marked ${name} once it has started`;
}

/**
 * Undo of a status change: which earlier status a status may go back to. Not part of the forward
 * machine (NEXT): only appointments.revertStatus uses it, to undo a change made a moment ago
 * (ADR 0034). Going back to an open status from cancelled or no-show makes the appointment block
 * the calendar again, so the exclusion constraint checks it once more.
 */
const PREVIOUS: Record<AppointmentStatus, readonly AppointmentStatus[]> = {
  booked: [],
  confirmed: ["booked"],
  arrived: ["booked", "confirmed"],
  completed: ["arrived"],
  cancelled: ["booked", "confirmed"],
  no_show: ["booked", "confirmed"],
};

export function canRevert(from: AppointmentStatus, to: AppointmentStatus): boolean {
  return PREVIOUS[from].includes(to);
}

/** Statuses of an appointment that can still be moved or cancelled (a series' move and cancel reach these). */
export const OPEN_STATUSES = ["booked", "confirmed"] as const satisfies readonly AppointmentStatus[];

/** Only booked and confirmed appointments can still be moved or cancelled. */
export function isOpen(status: AppointmentStatus): boolean {
  return (OPEN_STATUSES as readonly AppointmentStatus[]).includes(status);
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
