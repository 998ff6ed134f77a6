import { brandSettingsView, updateBrandInput } from "@frontdesk/domain";
import { clinics } from "@frontdesk/db/schema";
import { eq } from "drizzle-orm";
import { recordStaffAudit } from "../../audit";
import { changedFields } from "../../audit-diff";
import { clinicOf } from "../../booking/clinic";
import { publishImage } from "../../brand/publish";
import { procedure } from "../../trpc";
import { brandSettings } from "./brand-settings";

/** Accent colour, description and logo; the address and phone are the clinic's settings (clinic.settings.update). */
export const update = procedure("clinic.brand.update")
  .input(updateBrandInput)
  .output(brandSettingsView)
  .mutation(async ({ ctx, input }) => {
    const staff = ctx.staff;
    const { logoImageId, ...text } = input;
    const before = await clinicOf(staff.tx, staff.clinicId);
    const changes = changedFields({ accentColour: before.accentColour, description: before.description }, text);
    if (Object.keys(changes).length > 0) {
      await staff.tx.update(clinics).set({ ...text, updatedAt: ctx.deps.clock.now() }).where(eq(clinics.id, staff.clinicId));
    }
    if (logoImageId !== undefined) {
      const replaced = await publishImage(staff.tx, staff.clinicId, { purpose: "logo" }, logoImageId);
      if (replaced !== logoImageId) changes.logoImageId = [replaced, logoImageId];
    }
    await recordStaffAudit(ctx, { action: "update", entity: "clinic_brand", entityId: staff.clinicId, changes });
    return brandSettings(staff);
  });
