// Who may call what, as data: the procedures are built from this table (see `procedure()` in
// trpc.ts) and a test walks every procedure against every role.
import type { MembershipRole } from "@frontdesk/db/schema";

/** The roles of the permission table: staff roles, a signed-in user with no staff role, nobody. */
export type CallerRole = MembershipRole | "patient" | "anonymous";
export const CALLER_ROLES: readonly CallerRole[] = ["owner", "admin", "receptionist", "practitioner", "patient", "anonymous"];

/** "anyone"; "signedIn" (any session); or the staff roles allowed in the session's active clinic. */
export type Access = "anyone" | "signedIn" | readonly MembershipRole[];

const admins = ["owner", "admin"] as const;

export const PERMISSIONS = {
  "auth.signUp": "anyone",
  "auth.signIn": "anyone",
  "auth.signOut": "anyone",
  "auth.me": "anyone",
  "auth.requestCode": "anyone",
  "auth.verifyCode": "anyone",
  "auth.switchClinic": "signedIn",
  "auth.changePassword": "signedIn",
  "auth.sessions.list": "signedIn",
  "auth.sessions.revoke": "signedIn",
  "clinics.create": "signedIn",
  "clinics.slugAvailable": "anyone",
  "clinic.staff.list": admins,
  "clinic.staff.invite": admins,
  "clinic.staff.accept": "signedIn",
  "clinic.staff.setRole": admins,
  "clinic.staff.remove": admins,
} as const satisfies Record<string, Access>;

export type ProcedurePath = keyof typeof PERMISSIONS;

/** Whether `role` may call a procedure with `access` (before any rule inside the handler). */
export function isAllowed(access: Access, role: CallerRole): boolean {
  if (access === "anyone") return true;
  if (access === "signedIn") return role !== "anonymous";
  return (access as readonly string[]).includes(role);
}
