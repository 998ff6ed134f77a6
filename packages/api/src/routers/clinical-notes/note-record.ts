// A clinical note as its readers see it, loading it, and who may read notes at all (ADR 0026).
import { clinicalNotes, clinics, patients, users } from "@frontdesk/db/schema";
import { noteContent, type NoteContent } from "@frontdesk/domain";
import { and, eq } from "drizzle-orm";
import { ENCRYPTED } from "../../encryption/fields";
import { ConflictError, ForbiddenError, NotFoundError } from "../../errors";
import type { StaffScope } from "../../trpc";

type NoteRow = typeof clinicalNotes.$inferSelect;

/**
 * Practitioners always read notes; owners and admins only when the clinic opens them to admins.
 * Receptionists never reach here: the permission table keeps them out of every notes procedure.
 */
export async function assertMayReadNotes(staff: StaffScope): Promise<void> {
  if (staff.role === "practitioner") return;
  const [clinic] = await staff.tx.select({ open: clinics.clinicalNotesOpenToAdmins }).from(clinics).where(eq(clinics.id, staff.clinicId));
  if (!clinic?.open) throw new ForbiddenError("This clinic keeps clinical notes to its practitioners", "NOTES_CLOSED_TO_ADMINS");
}

export async function assertPatient(staff: StaffScope, patientId: string): Promise<void> {
  const [patient] = await staff.tx.select({ id: patients.id }).from(patients).where(and(eq(patients.clinicId, staff.clinicId), eq(patients.id, patientId)));
  if (!patient) throw new NotFoundError("Patient");
}

/** A note the caller may change: their own draft, locked until the transaction ends. */
export async function loadOwnDraft(staff: StaffScope, noteId: string, expectedVersion: number | undefined): Promise<NoteRow> {
  const [note] = await staff.tx
    .select()
    .from(clinicalNotes)
    .where(and(eq(clinicalNotes.clinicId, staff.clinicId), eq(clinicalNotes.id, noteId)))
    .for("update");
  // Another practitioner's draft is theirs alone until signed: it does not exist for anyone else.
  if (!note || (note.signedAt === null && note.authorUserId !== staff.userId)) throw new NotFoundError("Note");
  if (note.signedAt !== null) throw new ConflictError("This note is signed and cannot change: write an amendment instead", { reason: "NOTE_SIGNED" });
  if (expectedVersion !== undefined && note.version !== expectedVersion) {
    throw new ConflictError("This note was saved from another window since: reload it", { reason: "STALE_VERSION" });
  }
  return note;
}

export const sealContent = (staff: StaffScope, noteId: string, content: NoteContent) =>
  staff.cipher.seal(ENCRYPTED.clinicalNoteContent, noteId, JSON.stringify(content));

/** The notes with their content decrypted and their authors' names. */
export async function presentNotes(staff: StaffScope, rows: NoteRow[]) {
  const authorIds = [...new Set(rows.map((r) => r.authorUserId))];
  const authors = new Map<string, string>();
  for (const authorId of authorIds) {
    const [author] = await staff.tx.select({ name: users.name }).from(users).where(eq(users.id, authorId));
    authors.set(authorId, author?.name ?? "Former member");
  }
  return Promise.all(
    rows.map(async (row) => ({
      id: row.id,
      patientId: row.patientId,
      appointmentId: row.appointmentId,
      amendsNoteId: row.amendsNoteId,
      authorUserId: row.authorUserId,
      authorName: authors.get(row.authorUserId)!,
      status: row.signedAt === null ? ("draft" as const) : ("signed" as const),
      signedAt: row.signedAt?.toISOString() ?? null,
      content: noteContent.parse(JSON.parse(await staff.cipher.open(ENCRYPTED.clinicalNoteContent, row.id, row.content))),
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    })),
  );
}
