// public.book, step 3, write: the patient (unless the clinic knows the e-mail), the appointment,
// its manage link, its notifications (enqueued), the calendar event and the audit entry, in one transaction. The exclusion
// constraint has the last word: a concurrent booking of the same time fails at the insert.
import { fixedStatement, type Transaction } from "@frontdesk/db";
import { intakeAnswers, type services } from "@frontdesk/db/schema";
import type { IntakeAnswerMap } from "@frontdesk/domain";
import { sealedAnswers } from "../../../intake/forms";
import { blockedRange, presentAppointment } from "../../../booking/appointments";
import { ENCRYPTED } from "../../../encryption/fields";
import { lockAppointmentSlot } from "../../../booking/race-retry";
import { planningJob } from "../../../notifications/events";
import type { Context } from "../../../context";
import { newManageLink } from "../manage-link";
import type { Offering } from "../offering";
import type { Clinic } from "../scope";
import type { BookInput } from "./replay";
import { emitAppointmentWebhook, emitPatientCreatedWebhook } from "../../../webhooks/events";
import { phoneCountryOf, storedPhone } from "../../patients/phone";

/**
 * The clinic's (unarchived) patient with this e-mail, if any. Patients are hidden from the public
 * scope (migration 0012): this function of the database answers the id and nothing else.
 */
export async function patientIdByEmail(tx: Transaction, clinicId: string, email: string): Promise<string | undefined> {
  const [existing] = await bookingPatientId(tx, [clinicId, email]);
  return existing?.id ?? undefined;
}

const bookingPatientId = fixedStatement<{ id: string | null }>("select booking_patient_id($1, $2) as id");

/**
 * The booking's writes but the patient, in one statement (ADR 0067): the appointment (the
 * exclusion constraint decides here), its manage link, the history event, the audit row and the
 * planning job (enqueue_job, the outbox). One statement is one round trip and one set of
 * foreign-key checks at its end; a failure of any part fails it whole. Fixed text: the values are
 * the parameters, in the order of `values` in writeBooking.
 */
const BOOKING_WRITES = `
  booked as (
    insert into appointments (id, clinic_id, practitioner_id, service_id, patient_id, starts_at, ends_at, blocked_from, blocked_to,
                              status, source, notes, idempotency_key, privacy_notice_version, privacy_consented_at, language)
    values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'booked', 'online', $10, $11, $12, $13::timestamptz, $14)
    returning version),
  manage_link as (
    insert into booking_tokens (clinic_id, appointment_id, token_hash, expires_at) values ($2, $1, $15, $16)),
  history as (
    insert into appointment_events (clinic_id, appointment_id, kind, practitioner_id) values ($2, $1, 'created', $3)),
  audit as (
    insert into audit_log (clinic_id, actor_user_id, actor_kind, action, entity, entity_id, changes, request_id)
    values ($2, null, 'online_booking', 'create', 'appointment', $1::text, $17::jsonb, $18)),
  planned as (select enqueue_job($19, $20::jsonb, null, $21, null))
  select booked.version from booked, planned`;

const bookForKnownPatient = fixedStatement<{ version: number }>(`with ${BOOKING_WRITES}`);
/** The same, with the new patient (the appointment's foreign key is checked at the statement's end, after this insert). */
const bookForNewPatient = fixedStatement<{ version: number }>(`
  with new_patient as (
    insert into patients (id, clinic_id, full_name, email, phone, date_of_birth) values ($5, $2, $22, $23, $24, $25::date)),
  ${BOOKING_WRITES}`);

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
  const link = newManageLink(ctx, clinic.id, times.endsAt);
  // The confirmation (with its .ics), the reminders and the staff's notice, planned by the worker.
  const job = planningJob({ clinicId: clinic.id, appointmentId, event: "booked", version: 1, by: "patient" });
  const changes = { start: [null, start.toISOString()], practitionerId: [null, practitionerId], serviceId: [null, service.id], status: [null, "booked"] };
  // The writes are issued in this order and sent together; when one fails, the ones after it
  // fail too and the transaction rolls back whole. The parameters of BOOKING_WRITES, in order:
  const values = [
    appointmentId, clinic.id, practitionerId, service.id, patientId,
    times.startsAt.toISOString(), times.endsAt.toISOString(), times.blockedFrom.toISOString(), times.blockedTo.toISOString(),
    notes, input.idempotencyKey, consent, consent === null ? null : now.toISOString(), input.language ?? null,
    link.tokenHash, link.expiresAt.toISOString(), JSON.stringify(changes), ctx.requestId,
    job.task, JSON.stringify(job.payload), job.key,
  ];
  const locked = lockAppointmentSlot(tx, { clinicId: clinic.id, practitionerId, ...times });
  const written = knownPatientId
    ? bookForKnownPatient(tx, values)
    : bookForNewPatient(tx, [...values, input.patient.name, input.patient.email, phone, input.patient.dateOfBirth ?? null]);
  const [, [booked]] = await Promise.all([
    locked,
    written,
    // Webhook deliveries read the appointment the statement above wrote.
    emitAppointmentWebhook(tx, { clinicId: clinic.id, appointmentId, kind: "created" }),
    knownPatientId ? undefined : emitPatientCreatedWebhook(tx, { clinicId: clinic.id, patientId }),
    answers ? tx.insert(intakeAnswers).values(answers).execute() : undefined,
  ]);
  const appointment = { id: appointmentId, ...times, status: "booked" as const, source: "online" as const, serviceId: service.id, practitionerId, version: booked!.version };
  const names = { serviceName: service.name, practitionerName: offering.find((p) => p.id === practitionerId)!.displayName };
  const answer = { appointment: { ...presentAppointment(appointment, names), clinicName: clinic.name, timezone: clinic.timezone }, ...link.link };
  return { answer };
}

export type WrittenBooking = Awaited<ReturnType<typeof writeBooking>>;
