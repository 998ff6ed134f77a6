import { STAFF_ROLES } from "../roles";
import type { Access } from ".";

const staff = STAFF_ROLES;

/** Patient records: every staff role keeps them; archiving (the soft delete) is for the front desk and admins. */
export const patientsAccess = {
  "patients.search": staff,
  "patients.get": staff,
  "patients.create": staff,
  "patients.update": staff,
  "patients.archive": ["owner", "admin", "receptionist"],
  // The patient's right of access (issue 18): everything held about them, audited.
  "patients.export": ["owner", "admin"],
  // Issue 17: the create form asks before adding a record; merging (and splitting back) is for admins.
  "patients.duplicates": staff,
  "patients.merge": ["owner", "admin"],
  "patients.unmerge": ["owner", "admin"],
} as const satisfies Record<string, Access>;
