import { brandSettingsView, practitionerProfileInput } from "@frontdesk/domain";
import { practitioners } from "@frontdesk/db/schema";
import { and, eq } from "drizzle-orm";
import { recordStaffAudit } from "../../audit";
import { publishImage } from "../../brand/publish";
import { NotFoundError } from "../../errors";
import { procedure } from "../../trpc";
import { brandSettings } from "./brand-settings";

/** A practitioner's bio and photo on the booking page. */
export const setPractitioner = procedure("clinic.brand.setPractitioner")
  .input(practitionerProfileInput)
  .output(brandSettingsView)
  .mutation(async ({ ctx, input }) => {
    const staff = ctx.staff;
    const where = and(eq(practitioners.clinicId, staff.clinicId), eq(practitioners.id, input.practitionerId));
    const [before] = await staff.tx.select({ bio: practitioners.bio }).from(practitioners).where(where);
    if (!before) throw new NotFoundError("Practitioner");
    const changes: Record<string, [unknown, unknown]> = {};
    if (input.bio !== undefined && input.bio !== before.bio) {
      await staff.tx.update(practitioners).set({ bio: input.bio, updatedAt: ctx.deps.clock.now() }).where(where);
      changes.bio = [before.bio, input.bio];
    }
    if (input.photoImageId !== undefined) {
      const replaced = await publishImage(staff.tx, staff.clinicId, { purpose: "practitioner", practitionerId: input.practitionerId }, input.photoImageId);
      if (replaced !== input.photoImageId) changes.photoImageId = [replaced, input.photoImageId];
    }
    await recordStaffAudit(ctx, { action: "update", entity: "practitioner_profile", entityId: input.practitionerId, changes });
    return brandSettings(staff);
  });
