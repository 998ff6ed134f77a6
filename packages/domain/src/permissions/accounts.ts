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
  "auth.verifyEmail": "anyone",
  "auth.requestPasswordReset": "anyone",
  "auth.resetPassword": "anyone",
  "auth.activity": "signedIn",
  "auth.mfa.status": "signedIn",
  "auth.mfa.setup": "signedIn",
  "auth.mfa.enable": "signedIn",
  "auth.mfa.disable": "signedIn",
  // The step after the password: its caller has a session that waits for the second factor.
  "auth.mfa.verify": "anyone",
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
  "clinic.security.get": admins,
  "clinic.security.update": admins,
} as const satisfies Record<string, Access>;
