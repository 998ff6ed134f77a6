import { updateServiceInput } from "@frontdesk/domain";
import { practitionerServices, services } from "@frontdesk/db/schema";
import { and, eq } from "drizzle-orm";
import { recordStaffAudit } from "../../audit";
import { changedFields } from "../../audit-diff";
import { procedure } from "../../trpc";
import { loadService, view } from "./service-record";

/**
 * Changes take effect for new bookings at once (slots use the new duration and buffers);
 * existing appointments keep the times they were booked with.
 */
export const update = procedure("services.update")
  .input(updateServiceInput)
  .mutation(async ({ ctx, input }) => {
    const staff = ctx.staff;
    const { serviceId, ...patch } = input;
    const before = await loadService(staff, serviceId);
    const changes = changedFields(before, patch);
    if (Object.keys(changes).length > 0) {
      await staff.tx
        .update(services)
        .set({ ...patch, updatedAt: ctx.deps.clock.now() })
        .where(and(eq(services.clinicId, staff.clinicId), eq(services.id, serviceId)));
    }
    await recordStaffAudit(ctx, {
      action: "update",
      entity: "service",
      entityId: serviceId,
      changes,
    });
    const offered = await staff.tx
      .select({ practitionerId: practitionerServices.practitionerId })
      .from(practitionerServices)
      .where(and(eq(practitionerServices.clinicId, staff.clinicId), eq(practitionerServices.serviceId, serviceId)));
    return view(
      await loadService(staff, serviceId),
      offered.map((o) => o.practitionerId),
    );
  });
