import { STAFF_ROLES } from "../roles";
import type { Access } from ".";

const admins = ["owner", "admin"] as const;
const staff = STAFF_ROLES;
/** Weekly hours and time off: admins for everyone; a practitioner for their own calendar only (checked in the handler). */
const adminsOrOwnPractitioner = ["owner", "admin", "practitioner"] as const;

/** Clinic setup: practitioners, services, weekly hours and time off, settings, audit log. */
export const setupAccess = {
  "practitioners.list": staff,
  "practitioners.create": admins,
  "practitioners.update": admins,
  "practitioners.setServices": admins,
  "practitioners.remove": admins,
  "services.list": staff,
  "services.create": admins,
  "services.update": admins,
  "services.remove": admins,
  "schedule.getWeek": staff,
  "schedule.setWeek": adminsOrOwnPractitioner,
  "schedule.exceptions.list": staff,
  "schedule.exceptions.add": adminsOrOwnPractitioner,
  "schedule.exceptions.remove": adminsOrOwnPractitioner,
  // Every calendar shows times in the clinic's zone: staff read the settings, admins change them.
  "clinic.settings.get": staff,
  "clinic.settings.update": admins,
  "clinic.audit.list": admins,
  // The setup checklist names every practitioner and service: for the people who set the clinic up.
  "clinic.setup.checklist": admins,
  // The sites that may frame the booking page (ADR 0051).
  "clinic.embed.get": admins,
  "clinic.embed.update": admins,
} as const satisfies Record<string, Access>;
