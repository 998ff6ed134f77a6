// What the staff navigation offers each role, read from the permission table the API enforces
// (@frontdesk/domain); hiding a link only spares people a screen that would refuse them.
import { can, type ProcedurePath } from "@frontdesk/domain";
import type { StaffRole } from "./types";

export interface StaffNavItem {
  to: "/app/calendar" | "/app/patients" | "/app/waitlist" | "/app/settings" | "/app/setup" | "/app/calendar-feeds" | "/app/reports";
  label: string;
}

// Each section is offered to the roles the API lets through its main procedure.
// `unless`: not offered to the roles that have it inside another section already.
const SECTIONS: Array<StaffNavItem & { needs: ProcedurePath; unless?: ProcedurePath }> = [
  { to: "/app/calendar", label: "Calendar", needs: "calendar.range" },
  { to: "/app/patients", label: "Patients", needs: "patients.search" },
  { to: "/app/waitlist", label: "Waitlist", needs: "waitlist.list" },
  { to: "/app/settings", label: "Clinic settings", needs: "clinic.settings.update" },
  { to: "/app/setup", label: "Setup checklist", needs: "clinic.setup.checklist" },
  // Practitioners make their own feeds; owners and admins find them in the clinic settings.
  { to: "/app/calendar-feeds", label: "Calendar feeds", needs: "clinic.calendarFeeds.list", unless: "clinic.settings.update" },
  { to: "/app/reports", label: "Reports", needs: "reports.dashboard" },
];

export function navigationFor(role: StaffRole): StaffNavItem[] {
  return SECTIONS.filter((section) => can(role, section.needs) && !(section.unless && can(role, section.unless))).map(({ to, label }) => ({ to, label }));
}

export const ROLE_NAMES: Record<StaffRole, string> = {
  owner: "Owner",
  admin: "Admin",
  receptionist: "Receptionist",
  practitioner: "Practitioner",
};
