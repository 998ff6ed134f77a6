// What the staff navigation offers each role. The API enforces the same rules (packages/api
// permissions); hiding a link only spares people a screen that would refuse them.
import type { StaffRole } from "./types";

export interface StaffNavItem {
  to: "/app/calendar" | "/app/patients" | "/app/settings";
  label: string;
}

const CALENDAR: StaffNavItem = { to: "/app/calendar", label: "Calendar" };
const PATIENTS: StaffNavItem = { to: "/app/patients", label: "Patients" };
const SETTINGS: StaffNavItem = { to: "/app/settings", label: "Clinic settings" };

export function navigationFor(role: StaffRole): StaffNavItem[] {
  switch (role) {
    case "owner":
    case "admin":
      return [CALENDAR, PATIENTS, SETTINGS];
    case "receptionist":
    case "practitioner":
      return [CALENDAR, PATIENTS];
  }
}

export const ROLE_NAMES: Record<StaffRole, string> = {
  owner: "Owner",
  admin: "Admin",
  receptionist: "Receptionist",
  practitioner: "Practitioner",
};
