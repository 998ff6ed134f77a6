import { brandSettingsView, serviceDescriptionInput } from "@frontdesk/domain";
import { services } from "@frontdesk/db/schema";
import { and, eq } from "drizzle-orm";
import { recordStaffAudit } from "../../audit";
import { NotFoundError } from "../../errors";
import { procedure } from "../../trpc";
import { brandSettings } from "./brand-settings";

/** What the booking page says about a service. */
export const setService = procedure("clinic.brand.setService")
  .input(serviceDescriptionInput)
  .output(brandSettingsView)
  .mutation(async ({ ctx, input }) => {
    const staff = ctx.staff;
    const where = and(eq(services.clinicId, staff.clinicId), eq(services.id, input.serviceId));
    const [before] = await staff.tx.select({ description: services.description }).from(services).where(where);
    if (!before) throw new NotFoundError("Service");
    const changes: Record<string, [unknown, unknown]> = {};
    if (input.description !== before.description) {
      await staff.tx.update(services).set({ description: input.description, updatedAt: ctx.deps.clock.now() }).where(where);
      changes.description = [before.description, input.description];
    }
    await recordStaffAudit(ctx, { action: "update", entity: "service", entityId: input.serviceId, changes });
    return brandSettings(staff);
  });
