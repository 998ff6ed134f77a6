import { setPractitionerServicesInput } from "@frontdesk/domain";
import { practitionerServices, services } from "@frontdesk/db/schema";
import { and, eq, inArray } from "drizzle-orm";
import { recordStaffAudit } from "../../audit";
import { NotFoundError } from "../../errors";
import { procedure } from "../../trpc";
import { loadPractitioner } from "./practitioner-record";

/** Replaces the set of services the practitioner offers. */
export const setServices = procedure("practitioners.setServices")
  .input(setPractitionerServicesInput)
  .mutation(async ({ ctx, input }) => {
    const staff = ctx.staff;
    await loadPractitioner(staff, input.practitionerId);
    const wanted = [...new Set(input.serviceIds)].sort();
    if (wanted.length > 0) {
      const found = await staff.tx
        .select({ id: services.id })
        .from(services)
        .where(and(eq(services.clinicId, staff.clinicId), inArray(services.id, wanted)));
      if (found.length !== wanted.length) throw new NotFoundError("Service");
    }
    const scope = and(eq(practitionerServices.clinicId, staff.clinicId), eq(practitionerServices.practitionerId, input.practitionerId));
    const before = (await staff.tx.select({ serviceId: practitionerServices.serviceId }).from(practitionerServices).where(scope))
      .map((r) => r.serviceId)
      .sort();
    await staff.tx.delete(practitionerServices).where(scope);
    if (wanted.length > 0) {
      await staff.tx
        .insert(practitionerServices)
        .values(wanted.map((serviceId) => ({ clinicId: staff.clinicId, practitionerId: input.practitionerId, serviceId })));
    }
    await recordStaffAudit(ctx, {
      action: "set_services",
      entity: "practitioner",
      entityId: input.practitionerId,
      changes: JSON.stringify(before) === JSON.stringify(wanted) ? {} : { serviceIds: [before, wanted] },
    });
    return { practitionerId: input.practitionerId, serviceIds: wanted };
  });
