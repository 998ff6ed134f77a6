// notifications.preferences.get / update: a member's own choices (an e-mail for each new online booking).
import { memberNotificationPreferences } from "@frontdesk/db/schema";
import { notificationPreferencesInput } from "@frontdesk/domain";
import { and, eq } from "drizzle-orm";
import type { StaffScope } from "../../trpc";
import { procedure, signedInMember } from "../../trpc";

async function view(staff: StaffScope) {
  const [row] = await staff.tx
    .select({ newOnlineBookingEmail: memberNotificationPreferences.newOnlineBookingEmail })
    .from(memberNotificationPreferences)
    .where(and(eq(memberNotificationPreferences.clinicId, staff.clinicId), eq(memberNotificationPreferences.userId, signedInMember(staff))));
  return { newOnlineBookingEmail: row?.newOnlineBookingEmail ?? false };
}

export const getPreferences = procedure("notifications.preferences.get").query(({ ctx }) => view(ctx.staff));

export const updatePreferences = procedure("notifications.preferences.update")
  .input(notificationPreferencesInput)
  .mutation(async ({ ctx, input }) => {
    const { tx, clinicId } = ctx.staff;
    const userId = signedInMember(ctx.staff);
    const values = { newOnlineBookingEmail: input.newOnlineBookingEmail, updatedAt: ctx.deps.clock.now() };
    await tx
      .insert(memberNotificationPreferences)
      .values({ clinicId, userId, ...values })
      .onConflictDoUpdate({ target: [memberNotificationPreferences.clinicId, memberNotificationPreferences.userId], set: values });
    return view(ctx.staff);
  });
