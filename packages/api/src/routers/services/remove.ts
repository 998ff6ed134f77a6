import { serviceInput } from "@frontdesk/domain";
import { appointments, services } from "@frontdesk/db/schema";
import { and, eq } from "drizzle-orm";
import { recordStaffAudit } from "../../audit";
import { ConflictError } from "../../errors";
import { procedure } from "../../trpc";
import { loadService } from "./service-record";

/** Deletes a service that was never booked; one with history can only be deactivated. */
export const remove = procedure("services.remove")
  .input(serviceInput)
  .mutation(async ({ ctx, input }) => {
    const staff = ctx.staff;
    const service = await loadService(staff, input.serviceId);
    const [used] = await staff.tx
      .select({ id: appointments.id })
      .from(appointments)
      .where(and(eq(appointments.clinicId, staff.clinicId), eq(appointments.serviceId, service.id)))
      .limit(1);
    if (used) throw new ConflictError(`${service.name} has been booked before: deactivate it instead of deleting`, { reason: "IN_USE" });
    await staff.tx.delete(services).where(and(eq(services.clinicId, staff.clinicId), eq(services.id, service.id)));
    await recordStaffAudit(ctx, {
      action: "remove",
      entity: "service",
      entityId: service.id,
      changes: { name: [service.name, null] },
    });
    return { removed: true };
  });
