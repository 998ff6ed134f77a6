import { auditLog, clinics, users } from "@frontdesk/db/schema";
import type { TRPCRouterRecord } from "@trpc/server";
import { and, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import { auditListInput, updateClinicSettingsInput } from "@frontdesk/domain";
import { recordStaffAudit } from "../audit";
import { changedFields } from "../audit-diff";
import { clinicOf } from "../booking/clinic";
import { procedure } from "../trpc";

const settingsView = (c: typeof clinics.$inferSelect) => ({
  id: c.id,
  slug: c.slug,
  name: c.name,
  timezone: c.timezone,
  locale: c.locale,
  currency: c.currency,
  minNoticeMinutes: c.minNoticeMinutes,
  horizonDays: c.horizonDays,
  slotStepMinutes: c.slotStepMinutes,
  cancellationNoticeMinutes: c.cancellationNoticeMinutes,
  email: c.email,
  phone: c.phone,
  address: c.address,
});

export const clinicSettingsRouter = {
  get: procedure("clinic.settings.get").query(async ({ ctx }) => settingsView(await clinicOf(ctx.staff.tx, ctx.staff.clinicId))),

  /**
   * Name, time zone, booking policy and contact details. Weekly hours are wall-clock times, so a
   * new time zone keeps "09:00" at 09:00 local; booked appointments keep their instants.
   */
  update: procedure("clinic.settings.update")
    .input(updateClinicSettingsInput)
    .mutation(async ({ ctx, input }) => {
      const staff = ctx.staff;
      const before = await clinicOf(staff.tx, staff.clinicId);
      const changes = changedFields(before, input);
      if (Object.keys(changes).length > 0) {
        await staff.tx
          .update(clinics)
          .set({ ...input, updatedAt: ctx.deps.clock.now() })
          .where(eq(clinics.id, staff.clinicId));
      }
      await recordStaffAudit(ctx, {
        action: "update",
        entity: "clinic",
        entityId: staff.clinicId,
        changes,
      });
      return settingsView(await clinicOf(staff.tx, staff.clinicId));
    }),
} satisfies TRPCRouterRecord;

export const clinicAuditRouter = {
  /** Newest first, filtered by entity, actor and date; `nextCursor` fetches the next (older) page. */
  list: procedure("clinic.audit.list")
    .input(auditListInput)
    .query(async ({ ctx, input }) => {
      const { tx, clinicId } = ctx.staff;
      const filters: SQL[] = [eq(auditLog.clinicId, clinicId)];
      if (input.entity) filters.push(eq(auditLog.entity, input.entity));
      if (input.entityId) filters.push(eq(auditLog.entityId, input.entityId));
      if (input.actorUserId) filters.push(eq(auditLog.actorUserId, input.actorUserId));
      if (input.from) filters.push(gte(auditLog.at, new Date(input.from)));
      if (input.to) filters.push(lt(auditLog.at, new Date(input.to)));
      if (input.cursor) filters.push(lt(auditLog.id, input.cursor));
      const rows = await tx
        .select({
          id: auditLog.id,
          at: auditLog.at,
          actorUserId: auditLog.actorUserId,
          actorName: users.name,
          actorKind: auditLog.actorKind,
          action: auditLog.action,
          entity: auditLog.entity,
          entityId: auditLog.entityId,
          changes: auditLog.changes,
          requestId: auditLog.requestId,
        })
        .from(auditLog)
        .leftJoin(users, eq(users.id, auditLog.actorUserId))
        .where(and(...filters))
        .orderBy(desc(auditLog.id))
        .limit(input.limit + 1);
      const page = rows.slice(0, input.limit);
      return {
        items: page.map((r) => ({ ...r, at: r.at.toISOString() })),
        nextCursor: rows.length > input.limit ? page.at(-1)!.id : null,
      };
    }),
} satisfies TRPCRouterRecord;
