import { updatePractitionerInput } from "@frontdesk/domain";
import { practitioners, practitionerServices } from "@frontdesk/db/schema";
import { and, eq } from "drizzle-orm";
import { recordStaffAudit } from "../../audit";
import { changedFields } from "../../audit-diff";
import { procedure } from "../../trpc";
import { assertLinkableUser, loadPractitioner, view } from "./practitioner-record";

/** Renames, recolours, links a sign-in, or (de)activates: inactive practitioners offer no slots. */
export const update = procedure("practitioners.update")
  .input(updatePractitionerInput)
  .mutation(async ({ ctx, input }) => {
    const staff = ctx.staff;
    const { practitionerId, ...patch } = input;
    const before = await loadPractitioner(staff, practitionerId);
    if (patch.userId) await assertLinkableUser(staff, patch.userId, practitionerId);
    const changes = changedFields(before, patch);
    if (Object.keys(changes).length > 0) {
      await staff.tx
        .update(practitioners)
        .set({ ...patch, updatedAt: ctx.deps.clock.now() })
        .where(and(eq(practitioners.clinicId, staff.clinicId), eq(practitioners.id, practitionerId)));
    }
    await recordStaffAudit(ctx, {
      action: "update",
      entity: "practitioner",
      entityId: practitionerId,
      changes,
    });
    const after = await loadPractitioner(staff, practitionerId);
    const offered = await staff.tx
      .select({ serviceId: practitionerServices.serviceId })
      .from(practitionerServices)
      .where(and(eq(practitionerServices.clinicId, staff.clinicId), eq(practitionerServices.practitionerId, practitionerId)));
    return view(
      after,
      offered.map((o) => o.serviceId),
    );
  });
