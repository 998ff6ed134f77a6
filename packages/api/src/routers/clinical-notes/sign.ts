import { clinicalNotes } from "@frontdesk/db/schema";
import { noteVersionInput } from "@frontdesk/domain";
import { and, eq } from "drizzle-orm";
import { recordStaffAudit } from "../../audit";
import { procedure } from "../../trpc";
import { loadOwnDraft, presentNotes } from "./note-record";

/** The author signs their draft as saved at `expectedVersion`; from then on it is read-only (a trigger too). */
export const sign = procedure("notes.sign")
  .input(noteVersionInput)
  .mutation(async ({ ctx, input }) => {
    const staff = ctx.staff;
    const draft = await loadOwnDraft(staff, input.noteId, input.expectedVersion);
    const now = ctx.deps.clock.now();
    const [signed] = await staff.tx
      .update(clinicalNotes)
      .set({ signedAt: now, version: draft.version + 1, updatedAt: now })
      .where(and(eq(clinicalNotes.clinicId, staff.clinicId), eq(clinicalNotes.id, draft.id)))
      .returning();
    await recordStaffAudit(ctx, { action: "sign", entity: "clinical_note", entityId: draft.id, changes: { signedAt: [null, now.toISOString()] } });
    return (await presentNotes(staff, [signed!]))[0]!;
  });
