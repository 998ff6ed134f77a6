import { appointments, memberships, practitionerServices, practitioners, services } from "@frontdesk/db/schema";
import type { TRPCRouterRecord } from "@trpc/server";
import { and, asc, eq, inArray, ne } from "drizzle-orm";
import { createPractitionerInput, fields, practitionerInput, setPractitionerServicesInput, updatePractitionerInput } from "@frontdesk/domain";
import { recordStaffAudit } from "../audit";
import { changedFields } from "../audit-diff";
import { ConflictError, NotFoundError } from "../errors";
import { procedure, type StaffScope } from "../trpc";

/** One practitioner of the caller's clinic, or NOT_FOUND (another clinic's id looks the same). */
export async function loadPractitioner(staff: StaffScope, practitionerId: string) {
  const [practitioner] = await staff.tx
    .select()
    .from(practitioners)
    .where(and(eq(practitioners.clinicId, staff.clinicId), eq(practitioners.id, practitionerId)));
  if (!practitioner) throw new NotFoundError("Practitioner");
  return practitioner;
}

/** A practitioner's sign-in must be a member of this clinic, and belong to one practitioner only. */
async function assertLinkableUser(staff: StaffScope, userId: string, practitionerId: string | null) {
  const [member] = await staff.tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.clinicId, staff.clinicId), eq(memberships.userId, userId)));
  if (!member) throw new NotFoundError("Staff member");
  const [taken] = await staff.tx
    .select({ id: practitioners.id, displayName: practitioners.displayName })
    .from(practitioners)
    .where(
      and(
        eq(practitioners.clinicId, staff.clinicId),
        eq(practitioners.userId, userId),
        ...(practitionerId ? [ne(practitioners.id, practitionerId)] : []),
      ),
    );
  if (taken) throw new ConflictError(`That sign-in already belongs to ${taken.displayName}`, { reason: "USER_ALREADY_LINKED" });
}

const view = (p: typeof practitioners.$inferSelect, serviceIds: string[]) => ({
  id: p.id,
  displayName: p.displayName,
  colour: p.colour,
  active: p.active,
  userId: p.userId,
  serviceIds,
});

export const practitionersRouter = {
  /** Active practitioners (and inactive ones on request), with the services each offers. */
  list: procedure("practitioners.list")
    .input(fields.listInput)
    .query(async ({ ctx, input }) => {
      const { tx, clinicId } = ctx.staff;
      const rows = await tx
        .select()
        .from(practitioners)
        .where(and(eq(practitioners.clinicId, clinicId), ...(input.includeInactive ? [] : [eq(practitioners.active, true)])))
        .orderBy(asc(practitioners.displayName), asc(practitioners.id));
      const offered = await tx
        .select({ practitionerId: practitionerServices.practitionerId, serviceId: practitionerServices.serviceId })
        .from(practitionerServices)
        .where(eq(practitionerServices.clinicId, clinicId));
      return rows.map((p) =>
        view(
          p,
          offered.filter((o) => o.practitionerId === p.id).map((o) => o.serviceId),
        ),
      );
    }),

  create: procedure("practitioners.create")
    .input(createPractitionerInput)
    .mutation(async ({ ctx, input }) => {
      const staff = ctx.staff;
      if (input.userId) await assertLinkableUser(staff, input.userId, null);
      const [created] = await staff.tx
        .insert(practitioners)
        .values({ clinicId: staff.clinicId, displayName: input.displayName, colour: input.colour, userId: input.userId ?? null })
        .returning();
      await recordStaffAudit(ctx, {
        action: "create",
        entity: "practitioner",
        entityId: created!.id,
        changes: { displayName: [null, created!.displayName], colour: [null, created!.colour], userId: [null, created!.userId] },
      });
      return view(created!, []);
    }),

  /** Renames, recolours, links a sign-in, or (de)activates: inactive practitioners offer no slots. */
  update: procedure("practitioners.update")
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
    }),

  /** Replaces the set of services the practitioner offers. */
  setServices: procedure("practitioners.setServices")
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
    }),

  /** Deletes a practitioner who never had an appointment; one with history can only be deactivated. */
  remove: procedure("practitioners.remove")
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
    }),
} satisfies TRPCRouterRecord;
