import { clinicalNotes } from "@frontdesk/db/schema";
import { listNotesInput } from "@frontdesk/domain";
import { and, asc, eq, isNotNull, or } from "drizzle-orm";
import { recordStaffAudit } from "../../audit";
import { procedure, signedInMember } from "../../trpc";
import { assertMayReadNotes, assertPatient, presentNotes } from "./note-record";

/**
 * The patient's signed notes and amendments (oldest first), plus the caller's own drafts; only
 * those of one appointment when it is given. Each note shown is audited as read.
 */
export const list = procedure("notes.list")
  .input(listNotesInput)
  .query(async ({ ctx, input }) => {
    const staff = ctx.staff;
    await assertMayReadNotes(staff);
    await assertPatient(staff, input.patientId);
    const rows = await staff.tx
      .select()
      .from(clinicalNotes)
      .where(
        and(
          eq(clinicalNotes.clinicId, staff.clinicId),
          eq(clinicalNotes.patientId, input.patientId),
          input.appointmentId ? eq(clinicalNotes.appointmentId, input.appointmentId) : undefined,
          or(isNotNull(clinicalNotes.signedAt), eq(clinicalNotes.authorUserId, signedInMember(staff))),
        ),
      )
      .orderBy(asc(clinicalNotes.createdAt), asc(clinicalNotes.id));
    const notes = await presentNotes(staff, rows);
    for (const note of notes) await recordStaffAudit(ctx, { action: "view", entity: "clinical_note", entityId: note.id });
    return { notes, canWrite: staff.role === "practitioner" };
  });
