// The staff roles of a clinic: the database's membership_role enum is built from this list.

export const STAFF_ROLES = ["owner", "admin", "receptionist", "practitioner"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** The callers the permission table knows: staff roles, a signed-in user with no staff role, nobody. */
export const CALLER_ROLES = [...STAFF_ROLES, "patient", "anonymous"] as const;
export type CallerRole = (typeof CALLER_ROLES)[number];
