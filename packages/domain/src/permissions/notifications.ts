import { STAFF_ROLES } from "../roles";
import type { Access } from ".";

const staff = STAFF_ROLES;
const admins = ["owner", "admin"] as const;
const frontDesk = ["owner", "admin", "receptionist"] as const;

/** Messages to patients and staff (issue 16). */
export const notificationsAccess = {
  // The appointment dialog shows what was sent about it, to whoever may open the appointment.
  "notifications.messages.forAppointment": staff,
  "notifications.messages.failed": frontDesk,
  "notifications.messages.retry": frontDesk,
  "notifications.settings.get": staff,
  "notifications.settings.update": admins,
  // Each member's own choices.
  "notifications.preferences.get": staff,
  "notifications.preferences.update": staff,
  // The links in messages: capabilities, no session.
  "public.booking.confirm": "anyone",
  "public.notifications.optOut": "anyone",
} as const satisfies Record<string, Access>;
