// Who may call what, as data: the API's procedures are built from this table (see `procedure()`
// in packages/api trpc.ts), a test there walks every procedure against every role, and the web
// offers a link or a button only when `can` says the server will let it through.
import { type CallerRole, type StaffRole } from "../roles";
import { accountsAccess } from "./accounts";
import { bookingAccess } from "./booking";
import { brandAccess } from "./brand";
import { clinicalNotesAccess } from "./clinical-notes";
import { calendarFeedsAccess, feedAccess } from "./feed";
import { flagsAccess } from "./flags";
import { notificationsAccess } from "./notifications";
import { integrationsAccess } from "./integrations";
import { intakeAccess } from "./intake";
import { myAppointmentsAccess } from "./my-appointments";
import { patientsAccess } from "./patients";
import { setupAccess } from "./setup";
import { webhooksAccess } from "./webhooks";
import { waitlistAccess } from "./waitlist";
import { reportsAccess } from "./reports";

/** "anyone"; "signedIn" (any session); or the staff roles allowed in the session's active clinic. */
export type Access = "anyone" | "signedIn" | readonly StaffRole[];

export const PERMISSIONS = {
  ...accountsAccess,
  ...bookingAccess,
  ...feedAccess,
  ...setupAccess,
  ...patientsAccess,
  ...webhooksAccess,
  ...notificationsAccess,
  ...clinicalNotesAccess,
  ...integrationsAccess,
  ...waitlistAccess,
  ...flagsAccess,
  ...calendarFeedsAccess,
  ...intakeAccess,
  ...brandAccess,
  ...myAppointmentsAccess,
  ...reportsAccess,
} as const satisfies Record<string, Access>;

export type ProcedurePath = keyof typeof PERMISSIONS;

/** Whether `role` may call a procedure with `access` (before any rule inside the handler). */
export function isAllowed(access: Access, role: CallerRole): boolean {
  if (access === "anyone") return true;
  if (access === "signedIn") return role !== "anonymous";
  return (access as readonly string[]).includes(role);
}

/** Whether `role` may call `procedure` (the handler may still refuse, e.g. another practitioner's calendar). */
export function can(role: CallerRole, procedure: ProcedurePath): boolean {
  return isAllowed(PERMISSIONS[procedure], role);
}

export * from "./api-keys";
