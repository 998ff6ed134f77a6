// intake.privacyNotice / intake.setPrivacyNotice: the notice patients accept when they book, by
// address and version. A new version makes the booking page ask again; each booking keeps the
// version it was made under (ADR 0037).
import { clinics } from "@frontdesk/db/schema";
import { privacyNoticeInput } from "@frontdesk/domain";
import { eq } from "drizzle-orm";
import { recordStaffAudit } from "../../audit";
import { procedure } from "../../trpc";

export const privacyNotice = procedure("intake.privacyNotice").query(async ({ ctx }) => {
  const { tx, clinicId } = ctx.staff;
  const [clinic] = await tx.select({ url: clinics.privacyNoticeUrl, version: clinics.privacyNoticeVersion }).from(clinics).where(eq(clinics.id, clinicId));
  return { url: clinic!.url, version: clinic!.version };
});

export const setPrivacyNotice = procedure("intake.setPrivacyNotice")
  .input(privacyNoticeInput)
  .mutation(async ({ ctx, input }) => {
    const { tx, clinicId } = ctx.staff;
    const [before] = await tx.select({ url: clinics.privacyNoticeUrl, version: clinics.privacyNoticeVersion }).from(clinics).where(eq(clinics.id, clinicId));
    await tx.update(clinics).set({ privacyNoticeUrl: input.url, privacyNoticeVersion: input.version, updatedAt: ctx.deps.clock.now() }).where(eq(clinics.id, clinicId));
    await recordStaffAudit(ctx, {
      action: "update",
      entity: "clinic",
      entityId: clinicId,
      changes: { privacyNoticeUrl: [before!.url, input.url], privacyNoticeVersion: [before!.version, input.version] },
    });
    return { url: input.url, version: input.version };
  });
