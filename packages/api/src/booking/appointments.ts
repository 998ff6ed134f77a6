// What every appointment change shares: the status check, the blocked range, the history event,
// and the shape the API returns. Handlers call these inside their tenant transaction.
import type { Transaction } from "@frontdesk/db";
import { appointmentEvents, appointments, practitioners, services, type AppointmentEventKind, type AppointmentStatus } from "@frontdesk/db/schema";
import { canTransition, nextStatuses, STATUS_NAMES } from "@frontdesk/domain";
import { and, eq } from "drizzle-orm";
import { ConflictError, NotFoundError, RuleError } from "../errors";
import { emitAppointmentWebhook } from "../webhooks/events";

/** "no-show": a status as messages write it. */
export const statusLabel = (status: AppointmentStatus) => STATUS_NAMES[status].toLowerCase();

/** Refuses a move the status machine (@frontdesk/domain) does not have. */
export function assertTransition(from: AppointmentStatus, to: AppointmentStatus): void {
  if (!canTransition(from, to)) {
    const possible = nextStatuses(from);
    throw new RuleError(
      possible.length === 0
        ? `This appointment is ${statusLabel(from)}: its status cannot change any more`
        : `Cannot go from ${statusLabel(from)} to ${statusLabel(to)} (possible: ${possible.map(statusLabel).join(", ")})`,
      "INVALID_TRANSITION",
    );
  }
}

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
 * Appends to the appointment's history; committing it notifies every open calendar and queues
 * the clinic's webhooks for the change (ADR 0023). The insert is issued before this returns, in
 * call order, like recordAudit.
 */
export function recordEvent(
  tx: Transaction,
  event: { clinicId: string; appointmentId: string; practitionerId: string; kind: AppointmentEventKind },
): Promise<void> {
  return tx
    .insert(appointmentEvents)
    .values(event)
    .execute()
    .then(() => emitAppointmentWebhook(tx, event));
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
export function presentAppointment(row: Pick<AppointmentRow, "id" | "startsAt" | "endsAt" | "status" | "source" | "serviceId" | "practitionerId" | "version">, names: { serviceName: string; practitionerName: string }) {
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
