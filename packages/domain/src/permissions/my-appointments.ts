import type { Access } from ".";

/**
 * A patient's own list at a clinic (issue 20): any signed-in account, for the records of that
 * clinic whose e-mail the account has proved; the handler finds them, no staff role is involved.
 */
export const myAppointmentsAccess = {
  "myAppointments.link": "signedIn",
  "myAppointments.list": "signedIn",
  "myAppointments.cancel": "signedIn",
  "myAppointments.reschedule": "signedIn",
} as const satisfies Record<string, Access>;
