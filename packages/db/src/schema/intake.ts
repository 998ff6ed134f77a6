import { sql, type SQL } from "drizzle-orm";
import { foreignKey, index, integer, jsonb, pgPolicy, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { appointments } from "./appointments";
import { clinics, users } from "./clinics";
import { createdAt, instant, tenantId, tenantPrimaryKey } from "./columns";
import { services } from "./practice";
import { currentRole, tenantIsolation } from "./policies";

/** One question of an intake form, as the admin defined it (validated by the domain's intakeQuestion schema). */
export interface StoredIntakeQuestion {
  /** Stable within a form's versions: an answer names the question by it. */
  id: string;
  kind: "short_text" | "long_text" | "single_choice" | "multiple_choice" | "yes_no" | "date";
  label: string;
  help: string | null;
  required: boolean;
  /** For the two choice kinds; empty otherwise. */
  options: string[];
}

/**
 * A service's intake form, one row per version (ADR 0037): saving the form writes a new version and
 * never changes an old one, so answers given to version 3 keep showing version 3's questions.
 * The service's form is its highest version; a version with no questions turns the form off.
 */
export const intakeFormVersions = pgTable(
  "intake_form_versions",
  {
    id: tenantId(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    serviceId: uuid("service_id").notNull(),
    version: integer("version").notNull(),
    questions: jsonb("questions").$type<StoredIntakeQuestion[]>().notNull(),
    createdByUserId: uuid("created_by_user_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    tenantPrimaryKey("intake_form_versions", t),
    // A service deleted while never booked takes its forms along (no answers can exist); a booked one cannot be deleted.
    foreignKey({ name: "intake_form_versions_service_fk", columns: [t.clinicId, t.serviceId], foreignColumns: [services.clinicId, services.id] }).onDelete("cascade"),
    uniqueIndex("intake_form_versions_service_version_key").on(t.clinicId, t.serviceId, t.version),
    tenantIsolation(),
    // The booking page reads the questions (they are the clinic's, not a patient's), but only staff write them.
    pgPolicy("intake_form_versions_staff_write", { as: "restrictive", for: "insert", to: "frontdesk_app", withCheck: sql`${currentRole} is distinct from 'public'` }),
  ],
);

/** Who may ever read intake answers; the permission table narrows it per procedure. */
const answerReaders: SQL = sql`${currentRole} in ('practitioner', 'owner', 'admin')`;

/**
 * A patient's answers to an appointment's intake form, encrypted (ADR 0025, 0037). Append-only:
 * answering again from the manage link adds a row, and the newest counts. The booking page
 * writes them but never reads them back.
 */
export const intakeAnswers = pgTable(
  "intake_answers",
  {
    id: tenantId(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    appointmentId: uuid("appointment_id").notNull(),
    formVersionId: uuid("form_version_id").notNull(),
    /** The answers as JSON ({ question id: value }), encrypted under the clinic's data key. */
    answers: text("answers").notNull(),
    /** "booking" (with the booking) or "manage_link" (later, before the appointment). */
    answeredVia: text("answered_via").notNull(),
    answeredAt: instant("answered_at").notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey("intake_answers", t),
    foreignKey({ name: "intake_answers_appointment_fk", columns: [t.clinicId, t.appointmentId], foreignColumns: [appointments.clinicId, appointments.id] }),
    foreignKey({ name: "intake_answers_form_version_fk", columns: [t.clinicId, t.formVersionId], foreignColumns: [intakeFormVersions.clinicId, intakeFormVersions.id] }),
    index("intake_answers_appointment_idx").on(t.clinicId, t.appointmentId, t.answeredAt),
    tenantIsolation(),
    // Patients write answers from the public page; only clinicians read them, whatever a query forgets.
    pgPolicy("intake_answers_clinicians_read", { as: "restrictive", for: "select", to: "frontdesk_app", using: answerReaders }),
  ],
);
