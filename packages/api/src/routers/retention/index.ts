// retention.get / retention.set (ADR 0038): how long the clinic must keep records (erasure is
// refused within it), and after how many years without an appointment the retention job
// anonymises a patient (off when null).
import { clinics } from "@frontdesk/db/schema";
import { retentionInput } from "@frontdesk/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { eq } from "drizzle-orm";
import { recordStaffAudit } from "../../audit";
import { procedure } from "../../trpc";

const columns = { retentionYears: clinics.retentionYears, anonymiseInactiveAfterYears: clinics.anonymiseInactiveAfterYears };

const get = procedure("retention.get").query(async ({ ctx }) => {
  const [clinic] = await ctx.staff.tx.select(columns).from(clinics).where(eq(clinics.id, ctx.staff.clinicId));
  return clinic!;
});

const set = procedure("retention.set")
  .input(retentionInput)
  .mutation(async ({ ctx, input }) => {
    const { tx, clinicId } = ctx.staff;
    const [before] = await tx.select(columns).from(clinics).where(eq(clinics.id, clinicId));
    await tx.update(clinics).set({ ...input, updatedAt: ctx.deps.clock.now() }).where(eq(clinics.id, clinicId));
    await recordStaffAudit(ctx, {
      action: "update",
      entity: "clinic",
      entityId: clinicId,
      changes: {
        retentionYears: [before!.retentionYears, input.retentionYears],
        anonymiseInactiveAfterYears: [before!.anonymiseInactiveAfterYears, input.anonymiseInactiveAfterYears],
      },
    });
    return input;
  });

export const retentionRouter = { get, set } satisfies TRPCRouterRecord;
