import { sql } from "drizzle-orm";
import { bigint, check, foreignKey, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { clinics } from "./clinics";
import { createdAt, instant, tenantId, tenantPrimaryKey, updatedAt } from "./columns";
import { appointmentSource, appointmentStatus } from "./enums";
import { patients } from "./patients";
import { practitioners, services } from "./practice";
import { tenantIsolation } from "./policies";
import { appointmentSeries } from "./series";

export const appointments = pgTable(
  "appointments",
  {
    id: tenantId(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    practitionerId: uuid("practitioner_id").notNull(),
    serviceId: uuid("service_id").notNull(),
    patientId: uuid("patient_id").notNull(),
    startsAt: instant("starts_at").notNull(),
    endsAt: instant("ends_at").notNull(),
    /**
     * The time the appointment keeps the practitioner busy: start minus the service's buffer
     * before, end plus its buffer after, copied at booking so that editing a service later does
     * not move existing appointments. The exclusion constraint (custom migration) guards it.
     */
    blockedFrom: instant("blocked_from").notNull(),
    blockedTo: instant("blocked_to").notNull(),
    status: appointmentStatus("status").notNull().default("booked"),
    source: appointmentSource("source").notNull(),
    notes: text("notes"),
    cancelReason: text("cancel_reason"),
    /**
     * When it was cancelled (reports count a cancellation inside the clinic's notice as late).
     * Kept by a trigger (migration 0034), so that no cancel path can forget it: set when the
     * status becomes cancelled, cleared when an undo brings it back.
     */
    cancelledAt: instant("cancelled_at"),
    /** Optimistic concurrency: every update bumps it; a stale version is a conflict. */
    version: integer("version").notNull().default(1),
    /** Sent by the booking client once per attempt: a retried request finds this row instead of booking twice. */
    idempotencyKey: text("idempotency_key"),
    /** The clinic's privacy notice version the patient accepted when booking online, and when (ADR 0037). */
    privacyNoticeVersion: text("privacy_notice_version"),
    privacyConsentedAt: instant("privacy_consented_at"),
    /** The recurring series this appointment is an occurrence of (ADR 0033), if any. */
    seriesId: uuid("series_id"),
    /** The patient page's language when the patient booked online (ADR 0057): their messages speak it. Null: the clinic's. */
    language: text("language"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    tenantPrimaryKey("appointments", t),
    foreignKey({
      name: "appointments_practitioner_fk",
      columns: [t.clinicId, t.practitionerId],
      foreignColumns: [practitioners.clinicId, practitioners.id],
    }),
    foreignKey({
      name: "appointments_service_fk",
      columns: [t.clinicId, t.serviceId],
      foreignColumns: [services.clinicId, services.id],
    }),
    foreignKey({
      name: "appointments_patient_fk",
      columns: [t.clinicId, t.patientId],
      foreignColumns: [patients.clinicId, patients.id],
    }),
    foreignKey({
      name: "appointments_series_fk",
      columns: [t.clinicId, t.seriesId],
      foreignColumns: [appointmentSeries.clinicId, appointmentSeries.id],
    }),
    // A series' occurrences in order ("this and following").
    index("appointments_series_idx").on(t.clinicId, t.seriesId, t.startsAt).where(sql`${t.seriesId} is not null`),
    // Calendar: one practitioner's appointments in a time range.
    index("appointments_practitioner_range_idx").on(t.clinicId, t.practitionerId, t.startsAt),
    // Slot search: what blocks a practitioner's time from a moment on. Under row-level security
    // only leakproof comparisons reach an index, so the exclusion constraint's range index serves
    // nothing but clinic and practitioner here; this one reads only the times still ahead.
    index("appointments_practitioner_blocked_idx").on(t.clinicId, t.practitionerId, t.blockedTo),
    // Day view across all practitioners.
    index("appointments_clinic_range_idx").on(t.clinicId, t.startsAt),
    // A patient's history. Migration 0037 adds INCLUDE (status), which drizzle cannot express:
    // the reports' new-patient probes are then index-only (ADR 0060).
    index("appointments_patient_idx").on(t.clinicId, t.patientId, t.startsAt),
    uniqueIndex("appointments_idempotency_key").on(t.clinicId, t.idempotencyKey).where(sql`${t.idempotencyKey} is not null`),
    // A language code, never free text: the sender picks a catalogue by it.
    check("appointments_language", sql`${t.language} ~ '^[a-z]{2}$'`),
    check("appointments_end_after_start", sql`${t.endsAt} > ${t.startsAt}`),
    // A service lasts at most a day (services_duration_positive), so an appointment does too: a
    // range query may then bound starts_at from below and read only the index entries it needs.
    check("appointments_at_most_a_day", sql`${t.endsAt} <= ${t.startsAt} + interval '1 day'`),
    check("appointments_blocked_covers_appointment", sql`${t.blockedFrom} <= ${t.startsAt} and ${t.blockedTo} >= ${t.endsAt}`),
    // The buffers are at most 4 hours (services_buffers_at_most_4_hours), so with the day above an
    // appointment blocks at most 32 hours: the slot search bounds blocked_to from above by that.
    check(
      "appointments_blocked_at_most_4_hours_around",
      sql`${t.blockedFrom} >= ${t.startsAt} - interval '4 hours' and ${t.blockedTo} <= ${t.endsAt} + interval '4 hours'`,
    ),
    tenantIsolation(),
  ],
);

/** A patient's manage link: a bearer capability for one appointment, stored only as a hash. */
export const bookingTokens = pgTable(
  "booking_tokens",
  {
    id: tenantId(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    appointmentId: uuid("appointment_id").notNull(),
    tokenHash: text("token_hash").notNull(),
    expiresAt: instant("expires_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    tenantPrimaryKey("booking_tokens", t),
    // The link names its clinic: found within it, unique per clinic (so per shard).
    uniqueIndex("booking_tokens_token_hash_key").on(t.clinicId, t.tokenHash),
    foreignKey({
      name: "booking_tokens_appointment_fk",
      columns: [t.clinicId, t.appointmentId],
      foreignColumns: [appointments.clinicId, appointments.id],
    }).onDelete("cascade"),
    tenantIsolation(),
  ],
);

export const appointmentEventKind = pgEnum("appointment_event_kind", ["created", "rescheduled", "cancelled", "status_changed", "updated"]);
export type AppointmentEventKind = (typeof appointmentEventKind.enumValues)[number];

/**
 * Every change to an appointment, in order: the live calendar feed replays from it after a
 * reconnect, and it doubles as each appointment's history. Inserting a row notifies listeners
 * (custom migration) with ids and kind only, never patient data.
 */
export const appointmentEvents = pgTable(
  "appointment_events",
  {
    id: bigint("id", { mode: "number" }).notNull().generatedAlwaysAsIdentity(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    appointmentId: uuid("appointment_id").notNull(),
    kind: appointmentEventKind("kind").notNull(),
    /** The practitioner's calendar affected (a move between practitioners records the new one). */
    practitionerId: uuid("practitioner_id").notNull(),
    at: instant("at").notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: "appointment_events_appointment_fk",
      columns: [t.clinicId, t.appointmentId],
      foreignColumns: [appointments.clinicId, appointments.id],
    }).onDelete("cascade"),
    // Also what the live feed replays a clinic's changes in order by.
    tenantPrimaryKey("appointment_events", t),
    tenantIsolation(),
  ],
);
