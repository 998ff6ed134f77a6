// The staff roles of a clinic: the database's membership_role enum is built from this list.

export const STAFF_ROLES = ["owner", "admin", "receptionist", "practitioner"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** The callers the permission table knows: staff roles, a signed-in user with no staff role, nobody. */
export const CALLER_ROLES = [...STAFF_ROLES, "patient", "anonymous"] as const;
export type CallerRole = (typeof CALLER_ROLES)[number];

/** Only an owner may make or unmake an owner (`from`: the role taken away, `to`: the role given; null for none). */
export function mayAssignRole(assigner: StaffRole, from: StaffRole | null, to: StaffRole | null): boolean {
  return assigner === "owner" || (from !== "owner" && to !== "owner");
}

/** The roles `assigner` may hand out: every role for an owner, all but owner for anyone else. */
export function assignableRoles(assigner: StaffRole): StaffRole[] {
  return STAFF_ROLES.filter((role) => mayAssignRole(assigner, null, role));
}
