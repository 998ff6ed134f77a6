// What the clinic sends: each appointment's messages, the failures with retry, the reminder
// settings, and each member's own preferences (issue 16).
import type { TRPCRouterRecord } from "@trpc/server";
import { failed } from "./failed";
import { forAppointment } from "./for-appointment";
import { getPreferences, updatePreferences } from "./preferences";
import { retry } from "./retry";
import { getSettings, updateSettings } from "./settings";

export const notificationsRouter = {
  messages: { forAppointment, failed, retry },
  settings: { get: getSettings, update: updateSettings },
  preferences: { get: getPreferences, update: updatePreferences },
} satisfies TRPCRouterRecord;
