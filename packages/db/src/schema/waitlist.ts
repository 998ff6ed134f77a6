// The waitlist (issue 17): patients waiting for a time that nothing on the calendar offers yet,
// and the offers made to them when such a time frees. ADR 0035 describes the policy and the race.
// Neither table holds contact data (a patient id, a service, dates), so the public scope may
// write an entry when a patient joins online and read an offer through its link.
import { sql } from "drizzle-orm";
import { check, date, foreignKey, index, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { appointments } from "./appointments";
import { clinics } from "./clinics";
import { createdAt, instant, tenantId, tenantPrimaryKey, updatedAt } from "./columns";
import { appointmentSource } from "./enums";
import { patients } from "./patients";
import { tenantIsolation } from "./policies";
import { practitioners, services } from "./practice";

/** waiting -> booked (an offer was claimed, or staff booked from it) | removed. */
export const waitlistEntryStatus = pgEnum("waitlist_entry_status", ["waiting", "booked", "removed"]);
export type WaitlistEntryStatus = (typeof waitlistEntryStatus.enumValues)[number];

/** pending -> claimed (this patient got it) | gone (someone else did, or it was booked) | expired. */
export const waitlistOfferOutcome = pgEnum("waitlist_offer_outcome", ["pending", "claimed", "gone", "expired"]);
export type WaitlistOfferOutcome = (typeof waitlistOfferOutcome.enumValues)[number];

export const waitlistEntries = pgTable(
  "waitlist_entries",
  {
    id: tenantId(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    patientId: uuid("patient_id").notNull(),
    serviceId: uuid("service_id").notNull(),
    /** Null: any practitioner who offers the service. */
    practitionerId: uuid("practitioner_id"),
    /** Local dates in the clinic's zone, both included. */
    fromDate: date("from_date", { mode: "string" }).notNull(),
    toDate: date("to_date", { mode: "string" }).notNull(),
    /** Subset of morning (before 12:00), afternoon (12:00-17:00), evening (17:00 on); empty means any. */
    timesOfDay: text("times_of_day").array().notNull().default(sql`'{}'::text[]`),
    status: waitlistEntryStatus("status").notNull().default("waiting"),
    source: appointmentSource("source").notNull(),
    /** The appointment it ended in (claimed offer or booked by staff). */
    appointmentId: uuid("appointment_id"),
    /** The patient page's language when the patient joined online (ADR 0057): the offers speak it. Null: the clinic's. */
    language: text("language"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    tenantPrimaryKey("waitlist_entries", t),
    foreignKey({ name: "waitlist_entries_patient_fk", columns: [t.clinicId, t.patientId], foreignColumns: [patients.clinicId, patients.id] }).onDelete("cascade"),
    foreignKey({ name: "waitlist_entries_service_fk", columns: [t.clinicId, t.serviceId], foreignColumns: [services.clinicId, services.id] }),
    foreignKey({ name: "waitlist_entries_practitioner_fk", columns: [t.clinicId, t.practitionerId], foreignColumns: [practitioners.clinicId, practitioners.id] }),
    foreignKey({ name: "waitlist_entries_appointment_fk", columns: [t.clinicId, t.appointmentId], foreignColumns: [appointments.clinicId, appointments.id] }).onDelete("set null"),
    // Matching a freed time: the service's waiting entries in their order.
    index("waitlist_entries_matching_idx").on(t.clinicId, t.serviceId, t.status, t.createdAt),
    index("waitlist_entries_patient_idx").on(t.clinicId, t.patientId),
    check("waitlist_entries_language", sql`${t.language} ~ '^[a-z]{2}$'`),
    check("waitlist_entries_dates", sql`${t.fromDate} <= ${t.toDate}`),
    check("waitlist_entries_times_of_day", sql`${t.timesOfDay} <@ array['morning', 'afternoon', 'evening']::text[]`),
    tenantIsolation(),
  ],
);

export const waitlistOffers = pgTable(
  "waitlist_offers",
  {
    id: tenantId(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    entryId: uuid("entry_id").notNull(),
    practitionerId: uuid("practitioner_id").notNull(),
    /** The freed time offered, for the entry's service. */
    startsAt: instant("starts_at").notNull(),
    expiresAt: instant("expires_at").notNull(),
    outcome: waitlistOfferOutcome("outcome").notNull().default("pending"),
    /** SHA-256 of the claim link's secret, set when the offer's message is sent (the link is only in the message). */
    tokenHash: text("token_hash"),
    /** The appointment a claim booked. */
    appointmentId: uuid("appointment_id"),
    decidedAt: instant("decided_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    tenantPrimaryKey("waitlist_offers", t),
    foreignKey({ name: "waitlist_offers_entry_fk", columns: [t.clinicId, t.entryId], foreignColumns: [waitlistEntries.clinicId, waitlistEntries.id] }).onDelete("cascade"),
    foreignKey({ name: "waitlist_offers_practitioner_fk", columns: [t.clinicId, t.practitionerId], foreignColumns: [practitioners.clinicId, practitioners.id] }),
    foreignKey({ name: "waitlist_offers_appointment_fk", columns: [t.clinicId, t.appointmentId], foreignColumns: [appointments.clinicId, appointments.id] }).onDelete("set null"),
    // A patient is offered one time once.
    uniqueIndex("waitlist_offers_once_key").on(t.clinicId, t.entryId, t.practitionerId, t.startsAt),
    // All the offers of one freed time.
    index("waitlist_offers_time_idx").on(t.clinicId, t.practitionerId, t.startsAt),
    uniqueIndex("waitlist_offers_token_key").on(t.clinicId, t.tokenHash).where(sql`${t.tokenHash} is not null`),
    // A second line behind the exclusion constraint: one time is claimed at most once.
    uniqueIndex("waitlist_offers_one_claim_key").on(t.clinicId, t.practitionerId, t.startsAt).where(sql`${t.outcome} = 'claimed'`),
    tenantIsolation(),
  ],
);
