// Who may call what, as data: the procedures are built from this table (see `procedure()` in
// trpc.ts) and a test walks every procedure against every role. One table per area, merged here.
import type { MembershipRole } from "@frontdesk/db/schema";
import { accountsAccess } from "./accounts";
import { bookingAccess } from "./booking";
import { feedAccess } from "./feed";
import { patientsAccess } from "./patients";
import { setupAccess } from "./setup";

/** The roles of the permission table: staff roles, a signed-in user with no staff role, nobody. */
export type CallerRole = MembershipRole | "patient" | "anonymous";
export const CALLER_ROLES: readonly CallerRole[] = ["owner", "admin", "receptionist", "practitioner", "patient", "anonymous"];

/** "anyone"; "signedIn" (any session); or the staff roles allowed in the session's active clinic. */
export type Access = "anyone" | "signedIn" | readonly MembershipRole[];

export const PERMISSIONS = {
  ...accountsAccess,
  ...bookingAccess,
  ...feedAccess,
  ...setupAccess,
  ...patientsAccess,
} as const satisfies Record<string, Access>;

export type ProcedurePath = keyof typeof PERMISSIONS;

/** Whether `role` may call a procedure with `access` (before any rule inside the handler). */
export function isAllowed(access: Access, role: CallerRole): boolean {
  if (access === "anyone") return true;
  if (access === "signedIn") return role !== "anonymous";
  return (access as readonly string[]).includes(role);
}
