import { sql, type SQL } from "drizzle-orm";
import { foreignKey, index, integer, pgPolicy, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { appointments } from "./appointments";
import { clinics, users } from "./clinics";
import { createdAt, instant, tenantId, tenantPrimaryKey, updatedAt } from "./columns";
import { patients } from "./patients";
import { currentRole, tenantIsolation } from "./policies";

/** The roles that may ever see a clinical note; the API narrows owners and admins further (clinic setting). */
const clinicians: SQL = sql`${currentRole} in ('practitioner', 'owner', 'admin')`;

/**
 * Clinical notes (ADR 0026): a practitioner's note on an appointment, or a general one on the
 * patient (no appointment). A draft is saved as it is typed; signing makes it final, and the
 * database refuses to change or delete a signed note (trigger, custom migration): a correction is
 * a new note that `amends` it, so the original stays as it was signed.
 */
export const clinicalNotes = pgTable(
  "clinical_notes",
  {
    id: tenantId(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    patientId: uuid("patient_id").notNull(),
    appointmentId: uuid("appointment_id"),
    authorUserId: uuid("author_user_id")
      .notNull()
      .references(() => users.id),
    /** The signed note this one corrects; null for an original note. */
    amendsNoteId: uuid("amends_note_id"),
    /** The body and sections as JSON, encrypted (ADR 0025): never readable in the database. */
    content: text("content").notNull(),
    signedAt: instant("signed_at"),
    /** Bumped by every autosave: a save made from an older version is refused, not merged. */
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    tenantPrimaryKey("clinical_notes", t),
    foreignKey({ name: "clinical_notes_patient_fk", columns: [t.clinicId, t.patientId], foreignColumns: [patients.clinicId, patients.id] }),
    foreignKey({ name: "clinical_notes_appointment_fk", columns: [t.clinicId, t.appointmentId], foreignColumns: [appointments.clinicId, appointments.id] }),
    foreignKey({ name: "clinical_notes_amends_fk", columns: [t.clinicId, t.amendsNoteId], foreignColumns: [t.clinicId, t.id] }),
    index("clinical_notes_clinic_patient_idx").on(t.clinicId, t.patientId, t.createdAt),
    tenantIsolation(),
    // A receptionist's or the public booking's scope never reads a note, even if a query forgets.
    pgPolicy("clinical_notes_clinicians_only", {
      as: "restrictive",
      for: "all",
      to: "frontdesk_app",
      using: clinicians,
      withCheck: clinicians,
    }),
  ],
);
