import { updateClinicSettingsInput } from "@frontdesk/domain";
import { clinics } from "@frontdesk/db/schema";
import { eq } from "drizzle-orm";
import { recordStaffAudit } from "../../audit";
import { changedFields } from "../../audit-diff";
import { clinicOf } from "../../booking/clinic";
import { procedure } from "../../trpc";
import { settingsView } from "./settings-view";

/**
 * Name, time zone, booking policy and contact details. Weekly hours are wall-clock times, so a
 * new time zone keeps "09:00" at 09:00 local; booked appointments keep their instants.
 */
export const update = procedure("clinic.settings.update")
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
  });
