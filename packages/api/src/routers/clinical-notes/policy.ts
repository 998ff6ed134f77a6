import { clinics } from "@frontdesk/db/schema";
import { setNotesOpenToAdminsInput } from "@frontdesk/domain";
import { eq } from "drizzle-orm";
import { recordStaffAudit } from "../../audit";
import { procedure } from "../../trpc";

/** Whether owners and admins may read the clinic's clinical notes (practitioners always may). */
export const policy = procedure("notes.policy").query(async ({ ctx }) => {
  const { tx, clinicId } = ctx.staff;
  const [clinic] = await tx.select({ open: clinics.clinicalNotesOpenToAdmins }).from(clinics).where(eq(clinics.id, clinicId));
  return { openToAdmins: clinic!.open };
});

export const setOpenToAdmins = procedure("notes.setOpenToAdmins")
  .input(setNotesOpenToAdminsInput)
  .mutation(async ({ ctx, input }) => {
    const { tx, clinicId } = ctx.staff;
    const [before] = await tx.select({ open: clinics.clinicalNotesOpenToAdmins }).from(clinics).where(eq(clinics.id, clinicId));
    await tx.update(clinics).set({ clinicalNotesOpenToAdmins: input.open, updatedAt: ctx.deps.clock.now() }).where(eq(clinics.id, clinicId));
    await recordStaffAudit(ctx, { action: "update", entity: "clinic", entityId: clinicId, changes: { clinicalNotesOpenToAdmins: [before!.open, input.open] } });
    return { openToAdmins: input.open };
  });
