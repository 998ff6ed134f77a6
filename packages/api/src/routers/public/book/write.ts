// public.book, step 3, write: the patient (unless the clinic knows the e-mail), the appointment,
// its manage link, its notifications (enqueued), the calendar event and the audit entry, in one transaction. The exclusion
// constraint has the last word: a concurrent booking of the same time fails at the insert.
import type { Transaction } from "@frontdesk/db";
import { appointments, intakeAnswers, patients, type services } from "@frontdesk/db/schema";
import type { IntakeAnswerMap } from "@frontdesk/domain";
import { sealedAnswers } from "../../../intake/forms";
import { sql } from "drizzle-orm";
import { recordAudit } from "../../../audit";
import { blockedRange, presentAppointment, recordEvent } from "../../../booking/appointments";
import { ENCRYPTED } from "../../../encryption/fields";
import { lockAppointmentSlot } from "../../../booking/race-retry";
import { notifyAppointmentChange } from "../../../notifications/events";
import type { Context } from "../../../context";
import { issueManageLink } from "../manage-link";
import type { Offering } from "../offering";
import type { Clinic } from "../scope";
import type { BookInput } from "./replay";
import { emitPatientCreatedWebhook } from "../../../webhooks/events";
import { phoneCountryOf, storedPhone } from "../../patients/phone";

/**
 * The clinic's (unarchived) patient with this e-mail, if any. Patients are hidden from the public
 * scope (migration 0012): this function of the database answers the id and nothing else.
 */
export async function patientIdByEmail(tx: Transaction, clinicId: string, email: string): Promise<string | undefined> {
  const [existing] = await tx.execute<{ id: string | null }>(sql`select booking_patient_id(${clinicId}, ${email}) as id`);
  return existing?.id ?? undefined;
}

export interface NewBooking {
  clinic: Clinic;
  input: BookInput;
  start: Date;
  service: typeof services.$inferSelect;
  practitionerId: string;
  /** Where the practitioner's name comes from. */
  offering: Offering;
  knownPatientId: string | undefined;
  /** Answers to the service's intake form, already checked against it (ADR 0037). */
  intake?: { formVersionId: string; answers: IntakeAnswerMap } | null;
  /** The privacy notice version the patient accepted, when the clinic has one. */
  consent?: string | null;
}

/** Writes the booking, its notifications enqueued with it; answers what the patient sees. */
export async function writeBooking(ctx: Context, tx: Transaction, { clinic, input, start, service, practitionerId, offering, knownPatientId, intake = null, consent = null }: NewBooking) {
  const patientId = knownPatientId ?? crypto.randomUUID();
  const appointmentId = crypto.randomUUID();
  const times = blockedRange(start, service);
  const phone = knownPatientId ? null : storedPhone(input.patient.phone ?? null, phoneCountryOf(clinic));
  // Sealed before the writes so that they still go out together; a booking without a note skips the key lookup.
  const cipher = ctx.deps.vault.forClinic(tx, clinic.id);
  const notes = await cipher.seal(ENCRYPTED.appointmentNotes, appointmentId, input.note ?? null);
  const now = ctx.deps.clock.now();
  const answers = intake ? await sealedAnswers(cipher, { clinicId: clinic.id, appointmentId, ...intake, via: "booking", at: now }) : null;
  // The writes are issued in this order and sent together; when one fails, the ones after it
  // fail too and the transaction rolls back whole.
  const [, , [appointment], link] = await Promise.all([
    lockAppointmentSlot(tx, { clinicId: clinic.id, practitionerId, ...times }),
    knownPatientId
      ? undefined
      : tx
          .insert(patients)
          .values({ id: patientId, clinicId: clinic.id, fullName: input.patient.name, email: input.patient.email, phone, dateOfBirth: input.patient.dateOfBirth ?? null })
          .execute(),
    tx
      .insert(appointments)
      .values({
        id: appointmentId,
        clinicId: clinic.id,
        practitionerId,
        serviceId: service.id,
        patientId,
        ...times,
        status: "booked",
        source: "online",
        notes,
        idempotencyKey: input.idempotencyKey,
        privacyNoticeVersion: consent,
        privacyConsentedAt: consent === null ? null : now,
        language: input.language ?? null,
      })
      .returning()
      .execute(),
    issueManageLink(ctx, tx, clinic.id, appointmentId, times.endsAt),
    // The confirmation (with its .ics), the reminders and the staff's notice, sent by the worker.
    notifyAppointmentChange(tx, { clinicId: clinic.id, appointmentId, event: "booked", version: 1, by: "patient" }),
    recordEvent(tx, { clinicId: clinic.id, appointmentId, practitionerId, kind: "created" }),
    knownPatientId ? undefined : emitPatientCreatedWebhook(tx, { clinicId: clinic.id, patientId }),
    recordAudit(tx, {
      clinicId: clinic.id,
      actorUserId: null,
      actorKind: "online_booking",
      action: "create",
      entity: "appointment",
      entityId: appointmentId,
      changes: {
        start: [null, start.toISOString()],
        practitionerId: [null, practitionerId],
        serviceId: [null, service.id],
        status: [null, "booked"],
      },
      requestId: ctx.requestId,
    }),
    answers ? tx.insert(intakeAnswers).values(answers).execute() : undefined,
  ]);
  const names = { serviceName: service.name, practitionerName: offering.find((p) => p.id === practitionerId)!.displayName };
  const answer = { appointment: { ...presentAppointment(appointment!, names), clinicName: clinic.name, timezone: clinic.timezone }, ...link };
  return { answer };
}

export type WrittenBooking = Awaited<ReturnType<typeof writeBooking>>;
