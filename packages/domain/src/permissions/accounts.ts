import type { Access } from ".";

const admins = ["owner", "admin"] as const;

/** Accounts, sessions, opening a clinic, and its staff. */
export const accountsAccess = {
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
  "clinic.staff.withdrawInvitation": admins,
  "clinic.staff.accept": "signedIn",
  "clinic.staff.setRole": admins,
  "clinic.staff.remove": admins,
} as const satisfies Record<string, Access>;
