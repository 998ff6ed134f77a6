// What a staff booking shares, whether one appointment (appointments.create), a follow-up or a
// series' occurrences: the service and offer checks, and the write with its history event,
// notification and audit. Callers run inside their tenant transaction.
import { appointments, practitionerServices, practitioners, services } from "@frontdesk/db/schema";
import { and, eq } from "drizzle-orm";
import { recordStaffAudit } from "../audit";
import { ENCRYPTED } from "../encryption/fields";
import { NotFoundError, RuleError } from "../errors";
import { notifyAppointmentChange } from "../notifications/events";
import type { StaffScope } from "../trpc";
import { blockedRange, recordEvent } from "./appointments";
import { lockAppointmentSlot } from "./race-retry";

export async function serviceOf(staff: StaffScope, serviceId: string) {
  const [service] = await staff.tx.select().from(services).where(and(eq(services.clinicId, staff.clinicId), eq(services.id, serviceId)));
  if (!service) throw new NotFoundError("Service");
  return service;
}

export type StaffService = Awaited<ReturnType<typeof serviceOf>>;

export async function assertOffers(staff: StaffScope, practitionerId: string, serviceId: string) {
  const [practitioner] = await staff.tx
    .select({ id: practitioners.id, active: practitioners.active })
    .from(practitioners)
    .where(and(eq(practitioners.clinicId, staff.clinicId), eq(practitioners.id, practitionerId)));
  if (!practitioner) throw new NotFoundError("Practitioner");
  const [offer] = await staff.tx
    .select()
    .from(practitionerServices)
    .where(
      and(eq(practitionerServices.clinicId, staff.clinicId), eq(practitionerServices.practitionerId, practitionerId), eq(practitionerServices.serviceId, serviceId)),
    );
  if (!offer) throw new RuleError("This practitioner does not offer this service", "NOT_OFFERED");
}

export interface StaffBooking {
  practitionerId: string;
  service: StaffService;
  patientId: string;
  start: Date;
  notes?: string | null;
  seriesId?: string | null;
  /** False: the patient hears nothing of this one (a series sends one confirmation for all). */
  notifyPatient: boolean;
  /** A series' confirmation covers all its occurrences (ADR 0033). */
  seriesConfirmation?: boolean;
}

/** Writes one staff appointment; the exclusion constraint refuses it if the time is taken (SLOT_TAKEN). */
export async function insertStaffAppointment(staff: StaffScope, requestId: string, booking: StaffBooking) {
  const range = blockedRange(booking.start, booking.service);
  await lockAppointmentSlot(staff.tx, { clinicId: staff.clinicId, practitionerId: booking.practitionerId, ...range });
  // The id is chosen here because the encrypted notes are bound to it.
  const id = crypto.randomUUID();
  const [appointment] = await staff.tx
    .insert(appointments)
    .values({
      id,
      clinicId: staff.clinicId,
      practitionerId: booking.practitionerId,
      serviceId: booking.service.id,
      patientId: booking.patientId,
      ...range,
      status: "booked",
      source: "staff",
      seriesId: booking.seriesId ?? null,
      notes: await staff.cipher.seal(ENCRYPTED.appointmentNotes, id, booking.notes ?? null),
    })
    .returning();
  await recordEvent(staff.tx, { clinicId: staff.clinicId, appointmentId: id, practitionerId: booking.practitionerId, kind: "created" });
  await notifyAppointmentChange(staff.tx, {
    clinicId: staff.clinicId,
    appointmentId: id,
    event: "booked",
    version: appointment!.version,
    notifyPatient: booking.notifyPatient,
    by: "staff",
    ...(booking.seriesConfirmation && booking.seriesId ? { seriesId: booking.seriesId } : {}),
  });
  await recordStaffAudit(
    { staff, requestId },
    {
      action: "create",
      entity: "appointment",
      entityId: id,
      changes: {
        start: [null, appointment!.startsAt.toISOString()],
        practitionerId: [null, booking.practitionerId],
        serviceId: [null, booking.service.id],
        patientId: [null, booking.patientId],
        status: [null, "booked"],
        ...(booking.seriesId ? { seriesId: [null, booking.seriesId] } : {}),
      },
    },
  );
  return appointment!;
}
