// notifications.settings.get / update: the clinic's reminder offsets and quiet hours for SMS.
import { notificationSettings } from "@frontdesk/db/schema";
import { notificationSettingsInput } from "@frontdesk/domain";
import { recordStaffAudit } from "../../audit";
import { DEFAULT_REMINDERS, notificationRules } from "../../notifications/settings";
import { procedure } from "../../trpc";

async function view(tx: Parameters<typeof notificationRules>[0], clinicId: string) {
  const rules = await notificationRules(tx, clinicId);
  return { reminders: [...rules.reminders], quietHours: rules.quietHours, defaults: { reminders: [...DEFAULT_REMINDERS] } };
}

export const getSettings = procedure("notifications.settings.get").query(({ ctx }) => view(ctx.staff.tx, ctx.staff.clinicId));

export const updateSettings = procedure("notifications.settings.update")
  .input(notificationSettingsInput)
  .mutation(async ({ ctx, input }) => {
    const { tx, clinicId } = ctx.staff;
    const before = await notificationRules(tx, clinicId);
    const values = {
      reminders: input.reminders,
      quietHoursStart: input.quietHours?.start ?? null,
      quietHoursEnd: input.quietHours?.end ?? null,
      updatedAt: ctx.deps.clock.now(),
    };
    await tx.insert(notificationSettings).values({ clinicId, ...values }).onConflictDoUpdate({ target: notificationSettings.clinicId, set: values });
    await recordStaffAudit(ctx, {
      action: "update",
      entity: "notification_settings",
      entityId: clinicId,
      changes: { reminders: [before.reminders, input.reminders], quietHours: [before.quietHours, input.quietHours] },
    });
    // Reminders already planned keep their times; appointments booked or moved from now on use these.
    return view(tx, clinicId);
  });
