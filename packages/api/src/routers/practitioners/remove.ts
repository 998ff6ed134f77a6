import { practitionerInput } from "@frontdesk/domain";
import { appointments, practitioners } from "@frontdesk/db/schema";
import { and, eq } from "drizzle-orm";
import { recordStaffAudit } from "../../audit";
import { ConflictError } from "../../errors";
import { procedure } from "../../trpc";
import { loadPractitioner } from "./practitioner-record";

/** Deletes a practitioner who never had an appointment; one with history can only be deactivated. */
export const remove = procedure("practitioners.remove")
  .input(practitionerInput)
  .mutation(async ({ ctx, input }) => {
    const staff = ctx.staff;
    const practitioner = await loadPractitioner(staff, input.practitionerId);
    const [used] = await staff.tx
      .select({ id: appointments.id })
      .from(appointments)
      .where(and(eq(appointments.clinicId, staff.clinicId), eq(appointments.practitionerId, practitioner.id)))
      .limit(1);
    if (used) throw new ConflictError(`${practitioner.displayName} has appointments on record: deactivate instead of deleting`, { reason: "IN_USE" });
    await staff.tx.delete(practitioners).where(and(eq(practitioners.clinicId, staff.clinicId), eq(practitioners.id, practitioner.id)));
    await recordStaffAudit(ctx, {
      action: "remove",
      entity: "practitioner",
      entityId: practitioner.id,
      changes: { displayName: [practitioner.displayName, null] },
    });
    return { removed: true };
  });
