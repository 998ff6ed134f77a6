import { appointments, practitionerServices, services } from "@frontdesk/db/schema";
import type { TRPCRouterRecord } from "@trpc/server";
import { and, asc, eq } from "drizzle-orm";
import { createServiceInput, fields, serviceInput, updateServiceInput } from "@frontdesk/domain";
import { recordStaffAudit } from "../audit";
import { changedFields } from "../audit-diff";
import { ConflictError, NotFoundError } from "../errors";
import { procedure, type StaffScope } from "../trpc";

async function loadService(staff: StaffScope, serviceId: string) {
  const [service] = await staff.tx
    .select()
    .from(services)
    .where(and(eq(services.clinicId, staff.clinicId), eq(services.id, serviceId)));
  if (!service) throw new NotFoundError("Service");
  return service;
}

const view = (s: typeof services.$inferSelect, practitionerIds: string[]) => ({
  id: s.id,
  name: s.name,
  durationMinutes: s.durationMinutes,
  bufferBeforeMinutes: s.bufferBeforeMinutes,
  bufferAfterMinutes: s.bufferAfterMinutes,
  priceCents: s.priceCents,
  bookableOnline: s.bookableOnline,
  active: s.active,
  practitionerIds,
});

export const servicesRouter = {
  /** Active services (and inactive ones on request), with the practitioners who offer each. */
  list: procedure("services.list")
    .input(fields.listInput)
    .query(async ({ ctx, input }) => {
      const { tx, clinicId } = ctx.staff;
      const rows = await tx
        .select()
        .from(services)
        .where(and(eq(services.clinicId, clinicId), ...(input.includeInactive ? [] : [eq(services.active, true)])))
        .orderBy(asc(services.name), asc(services.id));
      const offered = await tx
        .select({ practitionerId: practitionerServices.practitionerId, serviceId: practitionerServices.serviceId })
        .from(practitionerServices)
        .where(eq(practitionerServices.clinicId, clinicId));
      return rows.map((s) =>
        view(
          s,
          offered.filter((o) => o.serviceId === s.id).map((o) => o.practitionerId),
        ),
      );
    }),

  create: procedure("services.create")
    .input(createServiceInput)
    .mutation(async ({ ctx, input }) => {
      const staff = ctx.staff;
      const [created] = await staff.tx
        .insert(services)
        .values({ clinicId: staff.clinicId, ...input })
        .returning();
      await recordStaffAudit(ctx, {
        action: "create",
        entity: "service",
        entityId: created!.id,
        changes: Object.fromEntries(Object.entries(input).map(([field, value]) => [field, [null, value]])),
      });
      return view(created!, []);
    }),

  /**
   * Changes take effect for new bookings at once (slots use the new duration and buffers);
   * existing appointments keep the times they were booked with.
   */
  update: procedure("services.update")
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
    }),

  /** Deletes a service that was never booked; one with history can only be deactivated. */
  remove: procedure("services.remove")
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
    }),
} satisfies TRPCRouterRecord;
