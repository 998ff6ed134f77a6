import { clinics } from "@frontdesk/db/schema";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { recordStaffAudit } from "../../audit";
import { changedFields } from "../../audit-diff";
import { clinicOf } from "../../booking/clinic";
import { procedure } from "../../trpc";
import { email, timeZone } from "../../validation";
import { optionalText, settingsView, wholeMinutes, YEAR_MINUTES } from "./settings-view";

/**
 * Name, time zone, booking policy and contact details. Weekly hours are wall-clock times, so a
 * new time zone keeps "09:00" at 09:00 local; booked appointments keep their instants.
 */
export const update = procedure("clinic.settings.update")
  .input(
    z.object({
      name: z.string().trim().min(2, "Enter the clinic's name").max(120, "Name is too long").optional(),
      timezone: timeZone.optional(),
      minNoticeMinutes: wholeMinutes("Minimum notice", 0, YEAR_MINUTES).optional(),
      horizonDays: z.number().int("Horizon must be whole days").min(1, "Horizon is at least 1 day").max(730, "Horizon is at most 730 days").optional(),
      slotStepMinutes: wholeMinutes("Slot step", 5, 240).optional(),
      cancellationNoticeMinutes: wholeMinutes("Cancellation notice", 0, YEAR_MINUTES).optional(),
      email: email.nullable().optional(),
      phone: optionalText(40, "Phone number").optional(),
      address: optionalText(300, "Address").optional(),
    }),
  )
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
