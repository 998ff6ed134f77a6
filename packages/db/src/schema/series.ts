import { sql } from "drizzle-orm";
import { check, date, foreignKey, integer, pgTable, smallint, text, uuid } from "drizzle-orm/pg-core";
import { clinics } from "./clinics";
import { createdAt, tenantId, tenantPrimaryKey } from "./columns";
import { patients } from "./patients";
import { practitioners, services } from "./practice";
import { tenantIsolation } from "./policies";

/**
 * A recurring series (ADR 0033): the pattern staff asked for, kept so the calendar can say
 * "3 of 8" and moves and cancels can reach "this and following" or "all". Each occurrence is an
 * ordinary appointment pointing here; the exclusion constraint guards them one by one. The local
 * time is kept, not an instant, so occurrences across a DST change stay at the same wall clock.
 */
export const appointmentSeries = pgTable(
  "appointment_series",
  {
    id: tenantId(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    patientId: uuid("patient_id").notNull(),
    serviceId: uuid("service_id").notNull(),
    practitionerId: uuid("practitioner_id").notNull(),
    firstDate: date("first_date", { mode: "string" }).notNull(),
    /** "HH:MM" in the clinic's zone. */
    localTime: text("local_time").notNull(),
    everyWeeks: smallint("every_weeks").notNull(),
    /** ISO weekdays, 1 = Monday. */
    weekdays: smallint("weekdays").array().notNull(),
    occurrenceCount: integer("occurrence_count"),
    untilDate: date("until_date", { mode: "string" }),
    createdAt: createdAt(),
  },
  (t) => [
    tenantPrimaryKey("appointment_series", t),
    foreignKey({ name: "appointment_series_patient_fk", columns: [t.clinicId, t.patientId], foreignColumns: [patients.clinicId, patients.id] }),
    foreignKey({ name: "appointment_series_service_fk", columns: [t.clinicId, t.serviceId], foreignColumns: [services.clinicId, services.id] }),
    foreignKey({ name: "appointment_series_practitioner_fk", columns: [t.clinicId, t.practitionerId], foreignColumns: [practitioners.clinicId, practitioners.id] }),
    check("appointment_series_every_weeks", sql`${t.everyWeeks} between 1 and 12`),
    check("appointment_series_count_or_until", sql`(${t.occurrenceCount} is null) <> (${t.untilDate} is null)`),
    check("appointment_series_count_range", sql`${t.occurrenceCount} is null or ${t.occurrenceCount} between 1 and 52`),
    check("appointment_series_local_time", sql`${t.localTime} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`),
    tenantIsolation(),
  ],
);
