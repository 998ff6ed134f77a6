// A clinic's notification rules: its row in notification_settings, or the defaults.
import type { Transaction } from "@frontdesk/db";
import { notificationSettings, type ReminderRule } from "@frontdesk/db/schema";
import { eq } from "drizzle-orm";
import type { QuietHours } from "./reminders";

/** 24 hours before by e-mail, 2 hours before by SMS (sent only to patients with a mobile number). */
export const DEFAULT_REMINDERS: readonly ReminderRule[] = [
  { minutesBefore: 1440, channel: "email" },
  { minutesBefore: 120, channel: "sms" },
];

export interface NotificationRules {
  reminders: readonly ReminderRule[];
  quietHours: QuietHours | null;
}

export async function notificationRules(tx: Transaction, clinicId: string): Promise<NotificationRules> {
  const [row] = await tx.select().from(notificationSettings).where(eq(notificationSettings.clinicId, clinicId));
  if (!row) return { reminders: DEFAULT_REMINDERS, quietHours: null };
  const quietHours = row.quietHoursStart !== null && row.quietHoursEnd !== null ? { start: row.quietHoursStart, end: row.quietHoursEnd } : null;
  return { reminders: row.reminders, quietHours };
}
