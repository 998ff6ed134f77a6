import { sql } from "drizzle-orm";
import { date, index, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { clinics, users } from "./clinics";
import { createdAt, id, instant, updatedAt } from "./columns";
import { tenantIsolation } from "./policies";

/** A clinic's own record of a patient; the same person at two clinics is two unrelated rows. */
export const patients = pgTable(
  "patients",
  {
    id: id(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    fullName: text("full_name").notNull(),
    email: text("email"),
    phone: text("phone"),
    dateOfBirth: date("date_of_birth", { mode: "string" }),
    notes: text("notes"),
    userId: uuid("user_id").references(() => users.id),
    archivedAt: instant("archived_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("patients_clinic_id_id_key").on(t.clinicId, t.id),
    index("patients_clinic_email_idx").on(t.clinicId, sql`lower(${t.email})`),
    tenantIsolation(),
  ],
);
