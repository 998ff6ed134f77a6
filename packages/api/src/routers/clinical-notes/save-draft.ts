import { appointments, clinicalNotes } from "@frontdesk/db/schema";
import { saveNoteDraftInput } from "@frontdesk/domain";
import { and, eq } from "drizzle-orm";
import { recordStaffAudit } from "../../audit";
import { ConflictError, NotFoundError, RuleError } from "../../errors";
import { procedure, signedInMember } from "../../trpc";
import { assertPatient, loadOwnDraft, presentNotes, sealContent } from "./note-record";

/**
 * Autosave as the practitioner types. Starting a draft is audited; later saves of one's own
 * draft are not (only its author can see a draft, and a row per pause in typing would drown the
 * log): signing is what makes a note part of the record, and that is audited.
 */
export const saveDraft = procedure("notes.saveDraft")
  .input(saveNoteDraftInput)
  .mutation(async ({ ctx, input }) => {
    const staff = ctx.staff;
    const now = ctx.deps.clock.now();
    if (input.noteId) {
      const draft = await loadOwnDraft(staff, input.noteId, input.expectedVersion);
      if (draft.patientId !== input.patientId) throw new NotFoundError("Note");
      const [saved] = await staff.tx
        .update(clinicalNotes)
        .set({ content: await sealContent(staff, draft.id, input.content), version: draft.version + 1, updatedAt: now })
        .where(and(eq(clinicalNotes.clinicId, staff.clinicId), eq(clinicalNotes.id, draft.id)))
        .returning();
      return (await presentNotes(staff, [saved!]))[0]!;
    }
    await assertPatient(staff, input.patientId);
    let appointmentId = input.appointmentId ?? null;
    if (input.amendsNoteId) {
      const [original] = await staff.tx
        .select()
        .from(clinicalNotes)
        .where(and(eq(clinicalNotes.clinicId, staff.clinicId), eq(clinicalNotes.id, input.amendsNoteId), eq(clinicalNotes.patientId, input.patientId)));
      if (!original || original.signedAt === null) throw new NotFoundError("Signed note");
      if (original.amendsNoteId !== null) throw new RuleError("Amend the original note, not one of its amendments", "RULE_BROKEN");
      // An amendment belongs where the note it corrects does.
      appointmentId = original.appointmentId;
    } else if (appointmentId) {
      const [appointment] = await staff.tx
        .select({ patientId: appointments.patientId })
        .from(appointments)
        .where(and(eq(appointments.clinicId, staff.clinicId), eq(appointments.id, appointmentId)));
      if (!appointment) throw new NotFoundError("Appointment");
      if (appointment.patientId !== input.patientId) throw new ConflictError("That appointment is another patient's", { reason: "RULE_BROKEN" });
    }
    const id = crypto.randomUUID();
    const [created] = await staff.tx
      .insert(clinicalNotes)
      .values({
        id,
        clinicId: staff.clinicId,
        patientId: input.patientId,
        appointmentId,
        amendsNoteId: input.amendsNoteId ?? null,
        authorUserId: signedInMember(staff),
        content: await sealContent(staff, id, input.content),
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordStaffAudit(ctx, {
      action: input.amendsNoteId ? "amend" : "create",
      entity: "clinical_note",
      entityId: id,
      changes: { patientId: [null, input.patientId], ...(input.amendsNoteId ? { amendsNoteId: [null, input.amendsNoteId] } : {}) },
    });
    return (await presentNotes(staff, [created!]))[0]!;
  });
