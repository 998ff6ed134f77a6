import { clinicalNotes } from "@frontdesk/db/schema";
import { noteVersionInput } from "@frontdesk/domain";
import { and, eq } from "drizzle-orm";
import { recordStaffAudit } from "../../audit";
import { procedure } from "../../trpc";
import { loadOwnDraft } from "./note-record";

/** The author throws their unsigned draft away; a signed note cannot be discarded. */
export const discardDraft = procedure("notes.discardDraft")
  .input(noteVersionInput)
  .mutation(async ({ ctx, input }) => {
    const staff = ctx.staff;
    const draft = await loadOwnDraft(staff, input.noteId, input.expectedVersion);
    await staff.tx.delete(clinicalNotes).where(and(eq(clinicalNotes.clinicId, staff.clinicId), eq(clinicalNotes.id, draft.id)));
    await recordStaffAudit(ctx, { action: "discard", entity: "clinical_note", entityId: draft.id });
    return { discarded: draft.id };
  });
