// Webhook events, queued in the transaction of the change that causes them (ADR 0023): a booking
// that rolls back queues nothing. One statement per event writes a delivery for every enabled
// endpoint of the clinic subscribed to it, so clinics without webhooks pay one indexed read.
import type { Transaction } from "@frontdesk/db";
import type { AppointmentEventKind } from "@frontdesk/db/schema";
import type { WebhookEventType } from "@frontdesk/domain";
import { sql, type SQL } from "drizzle-orm";
import { enqueueDelivery } from "./enqueue";

const APPOINTMENT_EVENT_TYPES: Partial<Record<AppointmentEventKind, WebhookEventType>> = {
  created: "appointment.booked",
  rescheduled: "appointment.rescheduled",
  cancelled: "appointment.cancelled",
  status_changed: "appointment.status_changed",
};

/** An instant as the payload writes it, whatever the session's TimeZone. */
const iso = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Standard Webhooks' recommended id shape: unique per event, the same on every attempt. */
export const newEventId = () => `msg_${crypto.randomUUID().replaceAll("-", "")}`;

async function queueFor(tx: Transaction, clinicId: string, inserted: SQL): Promise<void> {
  const rows = await tx.execute<{ id: string }>(inserted);
  for (const { id } of rows) await enqueueDelivery(tx, { clinicId, deliveryId: id });
}

/**
 * The webhook event of an appointment change (recordEvent calls it). The payload is the
 * appointment as it is now, ids and times only; patient contact is added at sending, for the
 * endpoints whose scope allows it (deliver.ts), so no copy of it waits in the deliveries table.
 */
export async function emitAppointmentWebhook(tx: Transaction, event: { clinicId: string; appointmentId: string; kind: AppointmentEventKind }): Promise<void> {
  const type = APPOINTMENT_EVENT_TYPES[event.kind];
  if (!type) return;
  await queueFor(
    tx,
    event.clinicId,
    sql`insert into webhook_deliveries (clinic_id, endpoint_id, event_id, event_type, payload)
      select e.clinic_id, e.id, ${newEventId()}, ${type}, jsonb_build_object(
        'type', ${type}::text,
        'timestamp', ${iso(sql`now()`)},
        'data', jsonb_build_object(
          'clinicId', a.clinic_id, 'appointmentId', a.id, 'patientId', a.patient_id, 'practitionerId', a.practitioner_id,
          'serviceId', a.service_id, 'start', ${iso(sql`a.starts_at`)}, 'end', ${iso(sql`a.ends_at`)},
          'status', a.status, 'source', a.source, 'version', a.version))
      from webhook_endpoints e
      join appointments a on a.clinic_id = e.clinic_id and a.id = ${event.appointmentId}
      where e.clinic_id = ${event.clinicId} and e.enabled and ${type} = any(e.events)
      returning id`,
  );
}

/** patient.created: the new record's id only (contact details per scope, at sending). */
export async function emitPatientCreatedWebhook(tx: Transaction, patient: { clinicId: string; patientId: string }): Promise<void> {
  const type: WebhookEventType = "patient.created";
  await queueFor(
    tx,
    patient.clinicId,
    sql`insert into webhook_deliveries (clinic_id, endpoint_id, event_id, event_type, payload)
      select e.clinic_id, e.id, ${newEventId()}, ${type}, jsonb_build_object(
        'type', ${type}::text, 'timestamp', ${iso(sql`now()`)},
        'data', jsonb_build_object('clinicId', e.clinic_id, 'patientId', ${patient.patientId}::uuid))
      from webhook_endpoints e
      where e.clinic_id = ${patient.clinicId} and e.enabled and ${type} = any(e.events)
      returning id`,
  );
}
