// What every appointment change shares: the status machine, the blocked range, the history event,
// and the shape the API returns. Handlers call these inside their tenant transaction.
import type { Transaction } from "@frontdesk/db";
import { appointmentEvents, appointments, practitioners, services, type AppointmentEventKind, type AppointmentStatus } from "@frontdesk/db/schema";
import { and, eq } from "drizzle-orm";
import { ConflictError, NotFoundError, RuleError } from "../errors";

/** booked -> confirmed -> arrived -> completed; cancelled and no_show end it. */
const NEXT: Record<AppointmentStatus, readonly AppointmentStatus[]> = {
  booked: ["confirmed", "arrived", "cancelled", "no_show"],
  confirmed: ["arrived", "cancelled", "no_show"],
  arrived: ["completed"],
  completed: [],
  cancelled: [],
  no_show: [],
};

const label = (status: AppointmentStatus) => status.replace("_", "-");

export function assertTransition(from: AppointmentStatus, to: AppointmentStatus): void {
  if (!NEXT[from].includes(to)) {
    throw new RuleError(
      NEXT[from].length === 0
        ? `This appointment is ${label(from)}: its status cannot change any more`
        : `Cannot go from ${label(from)} to ${label(to)} (possible: ${NEXT[from].map(label).join(", ")})`,
      "INVALID_TRANSITION",
    );
  }
}

/** Whether an appointment in `status` can still be moved or cancelled. */
export const isOpen = (status: AppointmentStatus) => status === "booked" || status === "confirmed";

export function blockedRange(start: Date, service: { durationMinutes: number; bufferBeforeMinutes: number; bufferAfterMinutes: number }) {
  const end = new Date(start.getTime() + service.durationMinutes * 60_000);
  return {
    startsAt: start,
    endsAt: end,
    blockedFrom: new Date(start.getTime() - service.bufferBeforeMinutes * 60_000),
    blockedTo: new Date(end.getTime() + service.bufferAfterMinutes * 60_000),
  };
}

/**
 * Appends to the appointment's history; committing it notifies every open calendar. Issued before
 * this returns, in call order, like recordAudit.
 */
export function recordEvent(
  tx: Transaction,
  event: { clinicId: string; appointmentId: string; practitionerId: string; kind: AppointmentEventKind },
): Promise<void> {
  return tx
    .insert(appointmentEvents)
    .values(event)
    .execute()
    .then(() => undefined);
}

/** One appointment of the clinic with what a calendar shows about it; NotFound otherwise. */
export async function loadAppointment(tx: Transaction, clinicId: string, appointmentId: string, options: { forUpdate?: boolean } = {}) {
  const query = tx
    .select({
      appointment: appointments,
      serviceName: services.name,
      practitionerName: practitioners.displayName,
    })
    .from(appointments)
    .innerJoin(services, and(eq(services.clinicId, appointments.clinicId), eq(services.id, appointments.serviceId)))
    .innerJoin(practitioners, and(eq(practitioners.clinicId, appointments.clinicId), eq(practitioners.id, appointments.practitionerId)))
    .where(and(eq(appointments.clinicId, clinicId), eq(appointments.id, appointmentId)));
  const [row] = options.forUpdate ? await query.for("update", { of: appointments }) : await query;
  if (!row) throw new NotFoundError("Appointment");
  return row;
}

/** Optimistic concurrency: an update that carries an old version lost a race with a colleague. */
export function assertVersion(current: number, given: number): void {
  if (current !== given) {
    throw new ConflictError("This appointment was changed by someone else in the meantime. Reload it and try again.", { reason: "STALE_VERSION" });
  }
}

export type AppointmentRow = typeof appointments.$inferSelect;

/** The appointment as every API answer shows it (no patient contact details). */
export function presentAppointment(row: AppointmentRow, names: { serviceName: string; practitionerName: string }) {
  return {
    id: row.id,
    start: row.startsAt.toISOString(),
    end: row.endsAt.toISOString(),
    status: row.status,
    source: row.source,
    serviceId: row.serviceId,
    serviceName: names.serviceName,
    practitionerId: row.practitionerId,
    practitionerName: names.practitionerName,
    version: row.version,
  };
}
