import { sql } from "drizzle-orm";
import { foreignKey, index, pgPolicy, pgTable, primaryKey, uuid } from "drizzle-orm/pg-core";
import { appointments } from "./appointments";
import { clinics } from "./clinics";
import { instant } from "./columns";
import { patients } from "./patients";
import { currentRole, tenantIsolation } from "./policies";

/**
 * Each patient's first visit: their first appointment that is not cancelled (no-shows and future
 * bookings count), the earliest start, the lower id on a tie. The reports' new patients in a
 * period are a range of this table (ADR 0064). Kept by the database alone: statement triggers on
 * appointments refresh the patients a write touched (migration 0043), and the app role may only
 * read it, so no write path can forget it or get it wrong.
 */
export const patientFirstVisits = pgTable(
  "patient_first_visits",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    patientId: uuid("patient_id").notNull(),
    appointmentId: uuid("appointment_id").notNull(),
    /** The appointment's start, copied so that a period is one index range. */
    startsAt: instant("starts_at").notNull(),
  },
  (t) => [
    primaryKey({ name: "patient_first_visits_pkey", columns: [t.clinicId, t.patientId] }),
    foreignKey({ name: "patient_first_visits_patient_fk", columns: [t.clinicId, t.patientId], foreignColumns: [patients.clinicId, patients.id] }).onDelete("cascade"),
    // Deleting the appointment drops the row; the trigger then puts the patient's next visit in.
    foreignKey({ name: "patient_first_visits_appointment_fk", columns: [t.clinicId, t.appointmentId], foreignColumns: [appointments.clinicId, appointments.id] }).onDelete("cascade"),
    // A period's newcomers from the index alone, with the appointment to find their practitioner and service.
    index("patient_first_visits_clinic_starts_idx").on(t.clinicId, t.startsAt, t.appointmentId),
    tenantIsolation(),
    // Who came first is about patients: the public booking scope reads it no more than patients.
    pgPolicy("patient_first_visits_hidden_from_public", {
      as: "restrictive",
      for: "select",
      to: "frontdesk_app",
      using: sql`${currentRole} is distinct from 'public'`,
    }),
  ],
);
