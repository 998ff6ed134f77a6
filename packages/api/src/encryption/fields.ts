// Every encrypted column, in one list: the code that reads and writes them names a field from
// here, `reencrypt` walks it, and a test reads each one straight from PostgreSQL.
import { appointments, clinicalNotes, intakeAnswers, patients } from "@frontdesk/db/schema";
import { getTableName } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";

export interface EncryptedField {
  table: PgTable;
  clinicId: PgColumn;
  id: PgColumn;
  column: PgColumn;
}

const field = (table: PgTable & { clinicId: PgColumn; id: PgColumn }, column: PgColumn): EncryptedField => ({ table, clinicId: table.clinicId, id: table.id, column });

export const ENCRYPTED = {
  patientNotes: field(patients, patients.notes),
  appointmentNotes: field(appointments, appointments.notes),
  clinicalNoteContent: field(clinicalNotes, clinicalNotes.content),
  intakeAnswers: field(intakeAnswers, intakeAnswers.answers),
} as const;

/** "patients.notes": part of each value's authenticated data, so it cannot be moved to another column. */
export const fieldLabel = (f: EncryptedField) => `${getTableName(f.table)}.${f.column.name}`;
