// Inputs of the notification procedures (issue 16): the API validates with these, and the
// settings screen's forms use the very same schemas.
import { z } from "zod";
import { manageToken } from "./booking";

const id = z.uuid({ error: "Not a valid id" });

export const MESSAGE_CHANNELS = ["email", "sms", "whatsapp"] as const;
export type MessageChannelName = (typeof MESSAGE_CHANNELS)[number];

export const appointmentMessagesInput = z.object({ appointmentId: id });

export const failedMessagesInput = z.object({ limit: z.number().int().min(1).max(200).default(50) });

export const retryMessageInput = z.object({ messageId: id });

/** Up to 30 days before; at least 5 minutes (a reminder after the start is no reminder). */
export const reminderRule = z.object({
  minutesBefore: z
    .number({ error: "Say how long before the appointment" })
    .int()
    .min(5, "At least 5 minutes before")
    .max(30 * 1440, "At most 30 days before"),
  channel: z.enum(MESSAGE_CHANNELS, { error: "Choose e-mail, SMS or WhatsApp" }),
});

const minuteOfDay = z.number().int().min(0, "A time of day").max(1439, "A time of day");

export const notificationSettingsInput = z
  .object({
    reminders: z.array(reminderRule).max(5, "At most 5 reminders"),
    /** Local minutes of the day [start, end) in the clinic's zone, or null for none. */
    quietHours: z.object({ start: minuteOfDay, end: minuteOfDay }).nullable(),
  })
  .refine((v) => v.quietHours === null || v.quietHours.start !== v.quietHours.end, { message: "Quiet hours must start and end at different times", path: ["quietHours"] })
  .refine((v) => new Set(v.reminders.map((r) => `${r.channel}:${r.minutesBefore}`)).size === v.reminders.length, {
    message: "The same reminder is listed twice",
    path: ["reminders"],
  });

export const notificationPreferencesInput = z.object({ newOnlineBookingEmail: z.boolean() });

/** A link from a message: the confirm link of a reminder, the opt-out link of any message. */
export const messageLinkInput = z.object({ token: manageToken });
